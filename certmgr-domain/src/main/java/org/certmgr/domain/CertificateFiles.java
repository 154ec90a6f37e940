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
     * Tells whether a relative file name holds secret material (a private key).
     *
     * @param relativePath a name as returned by this class
     * @return true for files under a {@code keys/} folder
     */
    public static boolean isSecret(String relativePath) {
        return relativePath.contains("/keys/") || relativePath.startsWith("keys/");
    }
}
