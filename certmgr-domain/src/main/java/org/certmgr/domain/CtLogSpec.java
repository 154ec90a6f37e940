package org.certmgr.domain;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A Certificate Transparency log that certificates are submitted to (an entry of {@code ct_logs}).
 *
 * @param name      the log's name in the configuration, also the name of its SCT file
 *                  ({@code scts/<name>.sct})
 * @param url       the log's base URL; {@code ct/v1/add-chain} is resolved against it
 * @param logId     the log's ID, the SHA-256 of its public key, in base64 (32 bytes)
 * @param publicKey the log's public key (DER SubjectPublicKeyInfo in base64), when configured;
 *                  SCT signatures are verified only when it is known
 */
public record CtLogSpec(String name, String url, String logId, Optional<String> publicKey) {
    /**
     * Checks that the values are present and the ID is 32 bytes of base64.
     *
     * @param name      the name
     * @param url       the base URL
     * @param logId     the ID in base64
     * @param publicKey the key in base64, or empty
     */
    public CtLogSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(publicKey, "publicKey");
        if (Base64.getDecoder().decode(logId).length != 32) {
            throw new IllegalArgumentException("the ID of CT log " + name + " is not 32 bytes");
        }
    }

    /**
     * Returns the log ID as bytes.
     *
     * @return 32 bytes
     */
    public byte[] logIdBytes() {
        return Base64.getDecoder().decode(logId);
    }

    /**
     * Returns the public key as DER bytes.
     *
     * @return a SubjectPublicKeyInfo, or empty when not configured
     */
    public Optional<byte[]> publicKeyDer() {
        return publicKey.map(Base64.getDecoder()::decode);
    }
}
