package org.certmgr.ports.out;

/** Key or certificate material could not be decoded: corrupt, wrong type, or a wrong passphrase. */
public class KeyMaterialException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be read; never the material itself
     * @param cause   the library's exception
     */
    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what could not be read; never the material itself
     */
    public KeyMaterialException(String message) {
        super(message);
    }
}
