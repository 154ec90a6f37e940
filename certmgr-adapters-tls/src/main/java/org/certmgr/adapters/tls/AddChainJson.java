package org.certmgr.adapters.tls;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON of RFC 6962 {@code add-chain}: the request, and the flat answer object
 * ({@code sct_version}, {@code id}, {@code timestamp}, {@code extensions}, {@code signature}).
 */
final class AddChainJson {
    private AddChainJson() {
    }

    static byte[] request(List<X509Certificate> chain) throws CertificateEncodingException {
        StringBuilder json = new StringBuilder("{\"chain\":[");
        for (int i = 0; i < chain.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"')
                    .append(Base64.getEncoder().encodeToString(chain.get(i).getEncoded())).append('"');
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads the answer into an SCT.
     *
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    static Sct sct(byte[] body) {
        String json = new String(body, StandardCharsets.UTF_8);
        long version = number(json, "sct_version");
        if (version != 0) {
            throw new IllegalArgumentException("sct_version " + version + " is not v1");
        }
        byte[] id = base64(json, "id");
        if (id.length != 32) {
            throw new IllegalArgumentException("the log id is " + id.length + " bytes, not 32");
        }
        return Sct.of(id, number(json, "timestamp"), base64(json, "extensions"), base64(json, "signature"));
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d{1,19})\\s*[,}]").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no number " + field + " in the answer");
        }
        return Long.parseLong(m.group(1));
    }

    private static byte[] base64(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([A-Za-z0-9+/=]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no base64 " + field + " in the answer");
        }
        return Base64.getDecoder().decode(m.group(1));
    }
}
