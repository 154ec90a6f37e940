package org.certmgr.ports.out;

/**
 * No usable SCT could be had from a Certificate Transparency log: the log is down, slow, or
 * answered with something that is not a valid SCT for the certificate. The message says
 * what failed, for an operator.
 */
public class CtLogException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public CtLogException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed
     * @param cause   the library's exception
     */
    public CtLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
