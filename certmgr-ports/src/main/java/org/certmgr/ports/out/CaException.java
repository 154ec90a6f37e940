package org.certmgr.ports.out;

/**
 * The CA could not do what was asked. The message says what failed in words for an operator
 * and never contains a secret.
 */
public class CaException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public CaException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed
     * @param cause   the library's exception
     */
    public CaException(String message, Throwable cause) {
        super(message, cause);
    }
}
