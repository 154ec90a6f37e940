package org.certmgr.domain;

import java.util.Objects;

/**
 * The External Account Binding credentials a CA gave out of band
 * ({@code account.eab_kid}, {@code account.eab_hmac_key}).
 * Required by some CAs (ZeroSSL, Google Trust Services) to tie a new ACME account to a customer account.
 *
 * <p>{@link #toString()} never shows the HMAC key.
 *
 * @param keyId   the key identifier
 * @param hmacKey the MAC key, base64url as the CA gives it; never logged
 */
public record ExternalAccountBinding(String keyId, String hmacKey) {

    /**
     * Checks the values are present.
     *
     * @param keyId   the key identifier
     * @param hmacKey the MAC key
     */
    public ExternalAccountBinding {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hmacKey, "hmacKey");
    }

    @Override
    public String toString() {
        return "ExternalAccountBinding[keyId=" + keyId + ", hmacKey=********]";
    }
}
