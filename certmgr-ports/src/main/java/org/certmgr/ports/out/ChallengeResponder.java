package org.certmgr.ports.out;

/**
 * Makes http-01 challenge responses reachable by the CA.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #deploy} MUST make the content available before it returns, and MUST fail
 *       with a {@link ChallengeException} naming the domain when it cannot (no challenge
 *       directory configured, directory not writable).</li>
 *   <li>{@link #remove} MUST be idempotent and MUST NOT throw for a challenge that is
 *       already gone; it is called after validation, whether it succeeded or not.</li>
 *   <li>Implementations MUST be safe for concurrent use with different tokens.</li>
 * </ul>
 */
public interface ChallengeResponder {

    /**
     * Puts the response in place.
     *
     * @param challenge the challenge
     * @return where the response was placed, for messages and hooks (e.g. a file path)
     * @throws ChallengeException when it cannot be placed
     */
    String deploy(HttpChallenge challenge) throws ChallengeException;

    /**
     * Removes the response again.
     *
     * @param challenge the challenge given to {@link #deploy}
     */
    void remove(HttpChallenge challenge);
}
