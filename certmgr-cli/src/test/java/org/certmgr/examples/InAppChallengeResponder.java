package org.certmgr.examples;

// tag::adapter[]
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;

/**
 * Answers http-01 challenges from memory, for an application that serves
 * {@code /.well-known/acme-challenge/} with its own HTTP server instead of from files.
 */
public final class InAppChallengeResponder implements ChallengeResponder {
    private final Set<DnsName> served;
    private final Map<String, String> responses = new ConcurrentHashMap<>();

    /**
     * Creates a responder for the names the application's HTTP server answers on port 80.
     *
     * @param served those names
     */
    public InAppChallengeResponder(Set<DnsName> served) {
        this.served = Set.copyOf(served);
    }

    @Override
    public String deploy(HttpChallenge challenge) throws ChallengeException {
        if (!served.contains(challenge.domain())) {
            throw new ChallengeException("this application does not serve " + challenge.domain().ascii());
        }
        responses.put(key(challenge.domain().ascii(), challenge.token()), challenge.content());
        return "http://" + challenge.domain().ascii() + "/.well-known/acme-challenge/" + challenge.token();
    }

    @Override
    public void remove(HttpChallenge challenge) {
        responses.remove(key(challenge.domain().ascii(), challenge.token()));
    }

    /**
     * Returns what the HTTP server sends for {@code GET /.well-known/acme-challenge/<token>}.
     *
     * @param host  the request's host name, without port
     * @param token the last path segment
     * @return the body to send with status 200, or empty for a 404
     */
    public Optional<String> response(String host, String token) {
        return Optional.ofNullable(responses.get(key(host.toLowerCase(Locale.ROOT), token)));
    }

    private static String key(String host, String token) {
        return host + "/" + token;
    }
}
// end::adapter[]
