package org.certmgr.adapters.fs.config;

import java.net.URI;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A Certificate Transparency log certificates can be submitted to ({@code ct_logs}).
 *
 * @param name      the log's name in the configuration, also the name of its SCT file
 *                  ({@code scts/<name>.sct}); letters, digits, {@code .}, {@code _} and
 *                  {@code -}, starting with a letter or digit
 * @param url       the log's base URL, e.g. {@code https://ct.example.net/2026h1/}
 * @param logId     the log's ID, the SHA-256 of its public key, in base64 (32 bytes)
 * @param publicKey the log's public key, DER in base64, when configured; needed to verify SCTs
 */
public record CtLog(String name, URI url, String logId, Optional<String> publicKey) {

    /**
     * Checks the values are present.
     *
     * @param name      the name
     * @param url       the URL
     * @param logId     the ID in base64
     * @param publicKey the key in base64
     */
    public CtLog {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(logId, "logId");
        Objects.requireNonNull(publicKey, "publicKey");
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
