package org.certmgr.ports.out;

/** Files could not be read or written. The previously installed files are unchanged. */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the path
     * @param cause   the I/O exception
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed, naming the path
     */
    public StoreException(String message) {
        super(message);
    }
}
