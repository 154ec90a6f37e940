package org.certmgr.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.HttpChallenge;
import org.junit.jupiter.api.Test;

class FakeChallengeResponderTest {
    private static final DnsName A = DnsName.of("a.test");
    private final FakeChallengeResponder responder = new FakeChallengeResponder();

    @Test
    void givenDeployed_thenServed_untilRemoved_andRemoveIsIdempotent() throws ChallengeException {
        HttpChallenge challenge = new HttpChallenge(A, "token_1", "token_1.thumb");

        assertThat(responder.deploy(challenge)).contains("a.test", "token_1");
        assertThat(responder.serve(A, "token_1")).contains("token_1.thumb");
        responder.remove(challenge);
        responder.remove(challenge);

        assertThat(responder.serve(A, "token_1")).isEmpty();
        assertThat(responder.servedCount()).isZero();
        assertThat(responder.deployed()).containsExactly(challenge);
    }

    @Test
    void givenFailingName_thenDeployFailsNamingIt() {
        responder.failDeployFor(A);

        assertThatThrownBy(() -> responder.deploy(new HttpChallenge(A, "t", "t.x")))
                .isInstanceOf(ChallengeException.class).hasMessageContaining("a.test");
        assertThat(responder.deployed()).isEmpty();
    }
}
