package org.certmgr.adapters.fs.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the {@code ct_logs} section: name → {url, id, key}. There are no built-in logs. */
final class CtLogsReader {
    private static final Pattern LOG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final int LOG_ID_BYTES = 32;

    private CtLogsReader() {
    }

    static Map<String, CtLog> read(Section s) throws ConfigException {
        Map<String, CtLog> logs = new LinkedHashMap<>();
        for (Map.Entry<String, Node> entry : s.entries()) {
            String name = entry.getKey();
            Node node = entry.getValue();
            if (!LOG_NAME.matcher(name).matches() || name.contains("..")) {
                throw node.error("\"" + name + "\" cannot be a log name: it names the SCT file, so use letters,"
                        + " digits, \".\", \"_\" and \"-\", starting with a letter or digit");
            }
            Section log = node.object();
            Node url = log.require("url", "the log's base URL");
            Node id = log.require("id", "the log's ID in base64");
            byte[] idBytes = base64(id);
            if (idBytes.length != LOG_ID_BYTES) {
                throw id.error("a log ID is " + LOG_ID_BYTES + " bytes (44 base64 characters), not " + idBytes.length);
            }
            Optional<String> key = Optional.empty();
            Optional<Node> keyNode = log.get("key");
            if (keyNode.isPresent() && !keyNode.get().isNull()) {
                byte[] keyBytes = base64(keyNode.get());
                if (!MessageDigest.isEqual(sha256(keyBytes), idBytes)) {
                    throw keyNode.get().error("the log's id must be the SHA-256 of its key, and is not");
                }
                key = Optional.of(keyNode.get().string().trim());
            }
            log.finish();
            logs.put(name, new CtLog(name, Values.url(url, false), id.string().trim(), key));
        }
        return logs;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private static byte[] base64(Node node) throws ConfigException {
        String text = node.nonEmptyString().trim();
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw node.error("not valid base64: " + e.getMessage());
        }
    }
}
