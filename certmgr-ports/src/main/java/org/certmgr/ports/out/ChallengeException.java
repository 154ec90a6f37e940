package org.certmgr.ports.out;

/** A challenge response could not be put in place or proved wrong at the CA. */
public class ChallengeException extends CaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the domain
     */
    public ChallengeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, naming the domain
     * @param cause   the underlying exception
     */
    public ChallengeException(String message, Throwable cause) {
        super(message, cause);
    }
}
