package org.certmgr.testkit.pebble;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code pebble-config.json} of one run. Pebble takes its ports only from this file, so
 * it is written anew for every start.
 */
final class PebbleConfig {
    private final int listenPort;
    private final int httpPort;
    private final int tlsPort;
    private final int managementPort;
    private final TlsFiles tls;
    private final Map<String, String> externalAccountMacKeys;
    private final String ocspResponderUrl;

    /**
     * Creates the configuration.
     *
     * @param listenPort             the ACME port
     * @param httpPort               where the VA connects for http-01
     * @param tlsPort                where the VA connects for tls-alpn-01
     * @param managementPort         the management interface port
     * @param tls                    the HTTPS certificate and key
     * @param externalAccountMacKeys EAB key id → base64url HMAC key; EAB is required when not empty
     * @param ocspResponderUrl       the OCSP URL Pebble puts in the certificates it issues; empty for none
     */
    PebbleConfig(int listenPort, int httpPort, int tlsPort, int managementPort, TlsFiles tls,
                 Map<String, String> externalAccountMacKeys, String ocspResponderUrl) {
        this.ocspResponderUrl = ocspResponderUrl;
        this.listenPort = listenPort;
        this.httpPort = httpPort;
        this.tlsPort = tlsPort;
        this.managementPort = managementPort;
        this.tls = tls;
        this.externalAccountMacKeys = new TreeMap<>(externalAccountMacKeys);
    }

    /**
     * Renders the JSON.
     *
     * @return the configuration file's text
     */
    String toJson() {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"pebble\": {\n");
        json.append("    \"listenAddress\": ").append(quote("127.0.0.1:" + listenPort)).append(",\n");
        json.append("    \"managementListenAddress\": ").append(quote("127.0.0.1:" + managementPort)).append(",\n");
        json.append("    \"certificate\": ").append(quote(tls.certificatePem().toString())).append(",\n");
        json.append("    \"privateKey\": ").append(quote(tls.privateKeyPem().toString())).append(",\n");
        json.append("    \"httpPort\": ").append(httpPort).append(",\n");
        json.append("    \"tlsPort\": ").append(tlsPort).append(",\n");
        json.append("    \"ocspResponderURL\": ").append(quote(ocspResponderUrl)).append(",\n");
        json.append("    \"externalAccountBindingRequired\": ").append(!externalAccountMacKeys.isEmpty());
        if (!externalAccountMacKeys.isEmpty()) {
            json.append(",\n    \"externalAccountMACKeys\": {");
            String separator = "\n";
            for (Map.Entry<String, String> key : externalAccountMacKeys.entrySet()) {
                json.append(separator).append("      ").append(quote(key.getKey())).append(": ")
                        .append(quote(key.getValue()));
                separator = ",\n";
            }
            json.append("\n    }");
        }
        json.append("\n  }\n}\n");
        return json.toString();
    }

    /**
     * Writes the JSON to a file, replacing it.
     *
     * @param file the target
     * @return the file
     * @throws IOException when it cannot be written
     */
    Path write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Quotes a JSON string.
     *
     * @param text the value
     * @return the JSON string literal
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
