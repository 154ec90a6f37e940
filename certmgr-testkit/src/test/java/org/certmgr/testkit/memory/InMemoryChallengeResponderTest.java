package org.certmgr.testkit.memory;

import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.testkit.contract.ChallengeResponderContract;

class InMemoryChallengeResponderTest extends ChallengeResponderContract {
    private InMemoryChallengeResponder responder;

    @Override
    protected ChallengeResponder newResponder(Set<DnsName> served) {
        responder = new InMemoryChallengeResponder(served);
        return responder;
    }

    @Override
    protected Optional<String> served(HttpChallenge challenge) {
        return responder.served(challenge);
    }
}
