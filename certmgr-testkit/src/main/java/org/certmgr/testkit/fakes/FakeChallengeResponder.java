package org.certmgr.testkit.fakes;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;

/**
 * A {@link ChallengeResponder} that keeps responses in memory, as a web server would serve
 * them, and can be told to fail for a name (as when no challenge directory is configured).
 *
 * <p>Follows the port's contract: deploy fails with a {@link ChallengeException} naming the
 * domain, remove is idempotent and never throws. Thread safe.
 */
public final class FakeChallengeResponder implements ChallengeResponder {
    private final Map<String, HttpChallenge> served = new ConcurrentHashMap<>();
    private final Set<DnsName> failing = ConcurrentHashMap.newKeySet();
    private final List<HttpChallenge> everDeployed = new CopyOnWriteArrayList<>();

    /** Creates a responder that accepts every challenge. */
    public FakeChallengeResponder() {
        // Knobs are set by the test.
    }

    /**
     * Makes {@link #deploy} fail for a name.
     *
     * @param name the domain that has no usable challenge directory
     * @return this
     */
    public FakeChallengeResponder failDeployFor(DnsName name) {
        failing.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    @Override
    public String deploy(HttpChallenge challenge) throws ChallengeException {
        if (failing.contains(challenge.domain())) {
            throw new ChallengeException("no challenge directory is configured for " + challenge.domain());
        }
        served.put(key(challenge.domain(), challenge.token()), challenge);
        everDeployed.add(challenge);
        return "memory:" + challenge.domain() + "/.well-known/acme-challenge/" + challenge.token();
    }

    @Override
    public void remove(HttpChallenge challenge) {
        served.remove(key(challenge.domain(), challenge.token()));
    }

    /**
     * Returns what a CA fetching the challenge URL would get now.
     *
     * @param domain the host
     * @param token  the token
     * @return the key authorization, or empty when nothing is served
     */
    public Optional<String> serve(DnsName domain, String token) {
        return Optional.ofNullable(served.get(key(domain, token))).map(HttpChallenge::content);
    }

    /**
     * Returns the number of responses served right now.
     *
     * @return zero once every deployed challenge was removed
     */
    public int servedCount() {
        return served.size();
    }

    /**
     * Returns every challenge successfully deployed, in order.
     *
     * @return the challenges
     */
    public List<HttpChallenge> deployed() {
        return List.copyOf(everDeployed);
    }

    private static String key(DnsName domain, String token) {
        return domain.ascii() + "/" + token;
    }
}
