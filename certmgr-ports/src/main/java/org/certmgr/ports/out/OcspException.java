package org.certmgr.ports.out;

/**
 * No usable OCSP response could be had: the responder is down, slow, or answered with
 * something that is not a valid, current response for the certificate. The message says
 * what failed, for an operator.
 */
public class OcspException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed
     */
    public OcspException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed
     * @param cause   the library's exception
     */
    public OcspException(String message, Throwable cause) {
        super(message, cause);
    }
}
