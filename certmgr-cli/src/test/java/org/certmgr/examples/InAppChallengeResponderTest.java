package org.certmgr.examples;

// tag::contract-test[]
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.testkit.contract.ChallengeResponderContract;

/** Proves {@link InAppChallengeResponder} keeps every promise of {@link ChallengeResponder}. */
class InAppChallengeResponderTest extends ChallengeResponderContract {
    private InAppChallengeResponder responder;

    @Override
    protected ChallengeResponder newResponder(Set<DnsName> served) {
        responder = new InAppChallengeResponder(served);
        return responder;
    }

    @Override
    protected Optional<String> served(HttpChallenge challenge) {
        return responder.response(challenge.domain().ascii(), challenge.token());
    }
}
// end::contract-test[]
