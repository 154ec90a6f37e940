package org.certmgr.ports.out;

/** The CA could not be reached at all (connection refused, name not found, TLS failure, timeout). */
public class CaUnreachableException extends CaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the URL
     * @param cause   the network exception
     */
    public CaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
