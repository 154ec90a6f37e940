package org.certmgr.adapters.acme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;

/**
 * Writes PEM blocks the way OpenSSL does (64-column base64 lines, {@code '\n'} line ends), and
 * reads them back. Reading is done here with the JDK rather than Bouncy Castle's reader so that
 * reading certificates (a CA bundle at start-up, for one) loads no Bouncy Castle class: its
 * signed jars cost a verification of about a tenth of a second when first touched.
 */
final class Pem {
    static final String CERTIFICATE = "CERTIFICATE";
    static final String PRIVATE_KEY = "PRIVATE KEY";
    static final String ENCRYPTED_PRIVATE_KEY = "ENCRYPTED PRIVATE KEY";
    static final String DH_PARAMETERS = "DH PARAMETERS";
    static final String EC_PARAMETERS = "EC PARAMETERS";

    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {
    }

    /** A block read back: its label and its decoded content. */
    record Block(String type, byte[] content) {
    }

    /**
     * Reads the blocks of a text one after another, as OpenSSL writes them: text outside blocks
     * (comments in CA bundles) and header lines ({@code Proc-Type: ...}) are skipped.
     */
    static final class Reader {
        private static final String BEGIN = "-----BEGIN ";
        private final Iterator<String> lines;

        Reader(String text) {
            this.lines = text.lines().iterator();
        }

        /**
         * Reads the next block.
         *
         * @return the block, or null when there is none left
         * @throws IOException when the block has no end line or its content is not base64
         */
        Block next() throws IOException {
            while (lines.hasNext()) {
                String line = lines.next().strip();
                if (line.startsWith(BEGIN)) {
                    int end = line.indexOf("-----", BEGIN.length());
                    if (end < 0) {
                        throw new IOException("malformed begin line \"" + line + "\"");
                    }
                    return body(line.substring(BEGIN.length(), end));
                }
            }
            return null;
        }

        private Block body(String type) throws IOException {
            String endLine = "-----END " + type;
            StringBuilder base64 = new StringBuilder();
            while (lines.hasNext()) {
                String line = lines.next().strip();
                if (line.startsWith(endLine)) {
                    try {
                        return new Block(type, Base64.getDecoder().decode(base64.toString()));
                    } catch (IllegalArgumentException e) {
                        throw new IOException("the content of the " + type + " block is not base64: " + e.getMessage(),
                                e);
                    }
                }
                if (line.indexOf(':') < 0) {
                    base64.append(line);
                }
            }
            throw new IOException(endLine + "----- not found");
        }
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
