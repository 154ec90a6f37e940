package org.certmgr.domain;

/**
 * The names of the files of one certificate, relative to its folder, as the specification's
 * "File Location" section lays them out.
 */
public final class CertificateFiles {

    private CertificateFiles() {
    }

    /**
     * Certificate followed by intermediates (and parameters, when configured).
     *
     * @param type the key type
     * @return e.g. {@code rsa/cert.pem}
     */
    public static String cert(KeyType type) {
        return type.id() + "/cert.pem";
    }

    /**
     * Intermediate certificates.
     *
     * @param type the key type
     * @return e.g. {@code rsa/chain.pem}
     */
    public static String chain(KeyType type) {
        return type.id() + "/chain.pem";
    }

    /**
     * The private key.
     *
     * @param type the key type
     * @return e.g. {@code rsa/keys/key.pem}
     */
    public static String key(KeyType type) {
        return type.id() + "/keys/key.pem";
    }

    /**
     * Certificate, intermediates and the root (and parameters), when the root is known.
     *
     * @param type the key type
     * @return e.g. {@code rsa/cert+root.pem}
     */
    public static String certWithRoot(KeyType type) {
        return type.id() + "/cert+root.pem";
    }

    /**
     * Private key followed by the certificate, intermediates (and parameters), for servers
     * that want a single file.
     *
     * @param type the key type
     * @return e.g. {@code rsa/keys/key+cert.pem}
     */
    public static String keyWithCert(KeyType type) {
        return type.id() + "/keys/key+cert.pem";
    }

    /**
     * Diffie-Hellman and EC parameters, shared by all key types.
     *
     * @return {@code params.pem}
     */
    public static String params() {
        return "params.pem";
    }

    /**
     * The stapled OCSP response.
     *
     * @param type the key type
     * @return e.g. {@code rsa/ocsp.der}
     */
    public static String ocsp(KeyType type) {
        return type.id() + "/ocsp.der";
    }

    /**
     * A Signed Certificate Timestamp from one Certificate Transparency log.
     *
     * @param type    the key type
     * @param logName the log's name in the configuration
     * @return e.g. {@code rsa/scts/argon.sct}
     */
    public static String sct(KeyType type, String logName) {
        return type.id() + "/scts/" + logName + ".sct";
    }

    /**
     * Tells which key type a file belongs to.
     *
     * @param relativePath a name as returned by this class
     * @return its key type, or empty for a file of the whole certificate such as {@code params.pem}
     */
    public static java.util.Optional<KeyType> keyTypeOf(String relativePath) {
        for (KeyType type : KeyType.values()) {
            if (relativePath.startsWith(type.id() + "/")) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Tells whether a relative file name holds secret material (a private key).
     *
     * @param relativePath a name as returned by this class
     * @return true for files under a {@code keys/} folder
     */
    public static boolean isSecret(String relativePath) {
        return relativePath.contains("/keys/") || relativePath.startsWith("keys/");
    }
}
