package org.certmgr.adapters.acme;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes PEM blocks the way OpenSSL does: 64-column base64 lines, {@code '\n'} line ends. */
final class Pem {
    static final String CERTIFICATE = "CERTIFICATE";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
    static final String DH_PARAMETERS = "DH PARAMETERS";
    static final String EC_PARAMETERS = "EC PARAMETERS";

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /**
     * Encodes one block.
     *
     * @param type the label, e.g. {@code CERTIFICATE}
     * @param der  the content
     * @return the block, ending with a newline
     */
    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + ENCODER.encodeToString(der) + "\n"
                + "-----END " + type + "-----\n";
    }
}
