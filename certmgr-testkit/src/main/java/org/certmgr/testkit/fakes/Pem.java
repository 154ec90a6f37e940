package org.certmgr.testkit.fakes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certmgr.ports.out.KeyMaterialException;

/** PEM blocks with the JDK only: 64-column Base64 between BEGIN and END lines. */
final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern BASE64_BODY = Pattern.compile("[A-Za-z0-9+/=\\s]*");

    /**
     * One decoded block.
     *
     * @param label the label, e.g. {@code CERTIFICATE}
     * @param der   the content
     */
    record Block(String label, byte[] der) {
    }

    private Pem() {
    }

    /**
     * Encodes one block.
     *
     * @param label the label
     * @param der   the content
     * @return the block ending in a newline
     */
    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Decodes every block of a text; text between blocks is ignored, as OpenSSL does.
     *
     * @param text the PEM text
     * @param what what is being decoded, for messages
     * @return the blocks in order
     * @throws KeyMaterialException when a block is unterminated or not Base64
     */
    static List<Block> decode(String text, String what) throws KeyMaterialException {
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String body = matcher.group(2);
            if (!BASE64_BODY.matcher(body).matches()) {
                throw new KeyMaterialException(what + ": PEM block " + (blocks.size() + 1) + " (" + matcher.group(1)
                        + ") has headers or characters that are not Base64");
            }
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new KeyMaterialException(what + ": PEM block " + (blocks.size() + 1) + " is not valid Base64");
            }
        }
        if (count(text, "-----BEGIN ") != blocks.size()) {
            throw new KeyMaterialException(what + ": a PEM block has no matching END line");
        }
        return blocks;
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            count++;
        }
        return count;
    }
}
