package org.certmgr.ports.out;

/**
 * An encrypted private key could not be decrypted: the passphrase is wrong, or none was given.
 * Callers must not replace the key on this error: the operator has to fix the passphrase.
 */
public class WrongPassphraseException extends KeyMaterialException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what could not be decrypted; never the passphrase
     */
    public WrongPassphraseException(String message) {
        super(message);
    }

    /**
     * Creates the exception.
     *
     * @param message what could not be decrypted; never the passphrase
     * @param cause   the library's exception
     */
    public WrongPassphraseException(String message, Throwable cause) {
        super(message, cause);
    }
}
