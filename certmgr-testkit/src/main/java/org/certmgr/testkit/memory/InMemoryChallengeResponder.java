package org.certmgr.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;

/**
 * A {@link ChallengeResponder} that keeps the deployed responses in memory, as a web server
 * would serve them. Thread-safe.
 */
public final class InMemoryChallengeResponder implements ChallengeResponder {
    private record Key(DnsName domain, String token) {
    }

    private final Optional<Set<DnsName>> served;
    private final Map<Key, String> deployed = new ConcurrentHashMap<>();
    private final List<HttpChallenge> history = new ArrayList<>();

    /** Creates a responder that can answer for any name. */
    public InMemoryChallengeResponder() {
        this.served = Optional.empty();
    }

    /**
     * Creates a responder configured for some names only; others fail as an unconfigured
     * challenge directory does.
     *
     * @param served the names it answers for
     */
    public InMemoryChallengeResponder(Set<DnsName> served) {
        this.served = Optional.of(Set.copyOf(served));
    }

    @Override
    public String deploy(HttpChallenge challenge) throws ChallengeException {
        Objects.requireNonNull(challenge, "challenge");
        if (served.isPresent() && !served.get().contains(challenge.domain())) {
            throw new ChallengeException("no http challenge directory is configured for "
                    + challenge.domain().ascii() + "; add it to http_challenges or set settings.http_challenge_dir");
        }
        deployed.put(new Key(challenge.domain(), challenge.token()), challenge.content());
        synchronized (history) {
            history.add(challenge);
        }
        return "memory:" + challenge.domain().ascii() + "/" + challenge.token();
    }

    @Override
    public void remove(HttpChallenge challenge) {
        deployed.remove(new Key(challenge.domain(), challenge.token()));
    }

    /**
     * Returns what a CA would receive for a name and token right now.
     *
     * @param domain the name
     * @param token  the token
     * @return the content, or empty when nothing is deployed
     */
    public Optional<String> served(DnsName domain, String token) {
        return Optional.ofNullable(deployed.get(new Key(domain, token)));
    }

    /**
     * Returns what a CA would receive for a challenge right now.
     *
     * @param challenge the challenge
     * @return the content, or empty when nothing is deployed
     */
    public Optional<String> served(HttpChallenge challenge) {
        return served(challenge.domain(), challenge.token());
    }

    /**
     * Returns how many challenges are deployed and not yet removed.
     *
     * @return the count; 0 after a run that cleaned up
     */
    public int activeCount() {
        return deployed.size();
    }

    /**
     * Returns every challenge deployed so far, in order, removed or not.
     *
     * @return the challenges
     */
    public List<HttpChallenge> deployedSoFar() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }
}
