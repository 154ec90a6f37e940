package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ChallengeResponder}: extend it with a test class for your adapter.
 */
public abstract class ChallengeResponderContract {
    /** A name the responders of these tests are configured for. */
    protected static final DnsName SERVED = DnsName.of("www.example.test");
    /** A second configured name. */
    protected static final DnsName ALSO_SERVED = DnsName.of("example.test");
    /** A name the responders are not configured for. */
    protected static final DnsName NOT_SERVED = DnsName.of("elsewhere.test");

    /**
     * Creates a responder that can answer challenges for exactly the given names.
     *
     * @param served the names it is configured for
     * @return the responder under test
     * @throws Exception when it cannot be created
     */
    protected abstract ChallengeResponder newResponder(Set<DnsName> served) throws Exception;

    /**
     * Returns what the CA would receive for a challenge right now, e.g. the content of the
     * token file the web server would send.
     *
     * @param challenge the challenge
     * @return the content served, or empty when nothing is served
     * @throws Exception when it cannot be found out
     */
    protected abstract Optional<String> served(HttpChallenge challenge) throws Exception;

    /**
     * Builds a challenge.
     *
     * @param domain the name
     * @param token  a base64url token
     * @return the challenge, its content derived from the token
     */
    protected static HttpChallenge challenge(DnsName domain, String token) {
        return new HttpChallenge(domain, token, token + ".thumbprint-" + domain.ascii());
    }

    private ChallengeResponder responder() throws Exception {
        return newResponder(Set.of(SERVED, ALSO_SERVED));
    }

    @Test
    void givenDeployedChallenge_thenItsContentIsServedBeforeDeployReturns() throws Exception {
        ChallengeResponder responder = responder();
        HttpChallenge challenge = challenge(SERVED, "tok-EN_1");

        String where = responder.deploy(challenge);

        assertThat(where).isNotBlank();
        assertThat(served(challenge)).contains(challenge.content());
    }

    @Test
    void givenRemovedChallenge_thenNothingIsServed() throws Exception {
        ChallengeResponder responder = responder();
        HttpChallenge challenge = challenge(SERVED, "tok-EN_2");
        responder.deploy(challenge);

        responder.remove(challenge);

        assertThat(served(challenge)).isEmpty();
    }

    @Test
    void givenRemovedTwice_thenTheSecondRemoveDoesNotThrow() throws Exception {
        ChallengeResponder responder = responder();
        HttpChallenge challenge = challenge(SERVED, "tok-EN_3");
        responder.deploy(challenge);
        responder.remove(challenge);

        assertThatCode(() -> responder.remove(challenge)).doesNotThrowAnyException();
    }

    @Test
    void givenChallengeNeverDeployed_thenRemoveDoesNotThrow() throws Exception {
        ChallengeResponder responder = responder();

        assertThatCode(() -> responder.remove(challenge(SERVED, "never"))).doesNotThrowAnyException();
        assertThatCode(() -> responder.remove(challenge(NOT_SERVED, "never"))).doesNotThrowAnyException();
    }

    @Test
    void givenNameWithoutConfiguration_thenDeployFailsNamingTheName() throws Exception {
        ChallengeResponder responder = responder();

        assertThatThrownBy(() -> responder.deploy(challenge(NOT_SERVED, "tok-EN_4")))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining(NOT_SERVED.ascii());
    }

    @Test
    void givenSameTokenDeployedAgain_thenTheNewContentIsServed() throws Exception {
        ChallengeResponder responder = responder();
        responder.deploy(new HttpChallenge(SERVED, "tok-EN_5", "first"));
        HttpChallenge again = new HttpChallenge(SERVED, "tok-EN_5", "second");

        responder.deploy(again);

        assertThat(served(again)).contains("second");
    }

    @Test
    void givenTwoNames_thenEachIsServedItsOwnChallenge() throws Exception {
        ChallengeResponder responder = responder();
        HttpChallenge one = challenge(SERVED, "tok-EN_6");
        HttpChallenge two = challenge(ALSO_SERVED, "tok-EN_7");

        responder.deploy(one);
        responder.deploy(two);
        responder.remove(one);

        assertThat(served(one)).isEmpty();
        assertThat(served(two)).contains(two.content());
    }

    @Test
    void givenConcurrentDeploysWithDifferentTokens_thenEveryContentIsServed() throws Exception {
        ChallengeResponder responder = responder();
        List<HttpChallenge> challenges = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            challenges.add(challenge(i % 2 == 0 ? SERVED : ALSO_SERVED, "concurrent-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (HttpChallenge c : challenges) {
                futures.add(pool.submit(() -> responder.deploy(c)));
            }
            for (Future<String> future : futures) {
                future.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        for (HttpChallenge c : challenges) {
            assertThat(served(c)).contains(c.content());
        }
    }
}
