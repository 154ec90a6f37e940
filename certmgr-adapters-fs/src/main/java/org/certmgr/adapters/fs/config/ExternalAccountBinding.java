package org.certmgr.adapters.fs.config;

import java.util.Objects;

/**
 * The External Account Binding credentials a CA gave out of band
 * ({@code account.eab_kid}, {@code account.eab_hmac_key}). Reserved: read and checked, used by
 * a later version.
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
