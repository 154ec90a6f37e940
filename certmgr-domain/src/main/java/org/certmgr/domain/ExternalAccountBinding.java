package org.certmgr.domain;

import java.util.Objects;

/**
 * The External Account Binding credentials a CA gave out of band
 * ({@code account.eab_kid}, {@code account.eab_hmac_key}).
 * Required by some CAs (ZeroSSL, Google Trust Services) to tie a new ACME account to a customer account.
 *
 * <p>{@link #toString()} never shows the HMAC key.
 *
 * @param keyId        the key identifier
 * @param hmacKey      the MAC key, base64url as the CA gives it; never logged
 * @param macAlgorithm the JWS MAC algorithm: {@code HS256} (what CAs expect unless they say
 *                     otherwise), {@code HS384} or {@code HS512}
 */
public record ExternalAccountBinding(String keyId, String hmacKey, String macAlgorithm) {
    /** The MAC algorithms RFC 8555 §7.3.4 allows. */
    public static final java.util.List<String> MAC_ALGORITHMS = java.util.List.of("HS256", "HS384", "HS512");

    /**
     * Credentials with the usual HS256.
     *
     * @param keyId the key identifier
     * @param hmacKey the MAC key, base64url
     */
    public ExternalAccountBinding(String keyId, String hmacKey) {
        this(keyId, hmacKey, "HS256");
    }


    /**
     * Checks the values are present.
     *
     * @param keyId   the key identifier
     * @param hmacKey the MAC key
     * @param macAlgorithm HS256, HS384 or HS512
     */
    public ExternalAccountBinding {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(hmacKey, "hmacKey");
        Objects.requireNonNull(macAlgorithm, "macAlgorithm");
        if (!MAC_ALGORITHMS.contains(macAlgorithm)) {
            throw new InvalidValueException("unsupported External Account Binding MAC algorithm \"" + macAlgorithm
                    + "\"; expected HS256, HS384 or HS512");
        }
    }

    @Override
    public String toString() {
        return "ExternalAccountBinding[keyId=" + keyId + ", hmacKey=********, macAlgorithm=" + macAlgorithm + "]";
    }
}
