package org.certmgr.adapters.fs;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.StoreException;

/**
 * The format of {@code account/registration.json}:
 * <pre>
 * {
 *   "accountUrl" : "https://ca.example/acme/acct/1",
 *   "directoryUrl" : "https://ca.example/acme/directory",
 *   "email" : "admin@example.com",
 *   "clientKeySha256" : "…hex SHA-256 of client.key's bytes…"
 * }
 * </pre>
 * {@code email} and {@code clientKeySha256} may be absent; unknown fields are ignored.
 */
final class AccountJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The contents of the file.
     *
     * @param registration the registration
     * @param keySha256    the hex SHA-256 of the client key file it belongs to, when recorded
     */
    record Contents(AccountRegistration registration, Optional<String> keySha256) {
    }

    private AccountJson() {
    }

    static byte[] write(AccountRegistration registration, String keySha256) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("accountUrl", registration.accountUrl());
        root.put("directoryUrl", registration.directoryUrl());
        registration.email().ifPresent(email -> root.put("email", email));
        root.put("clientKeySha256", keySha256);
        try {
            return (MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }

    static Contents read(Path file, byte[] json) throws StoreException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new StoreException("cannot read " + file + ": it is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw IoErrors.storeFailure("read", file, e);
        }
        if (root == null || !root.isObject()) {
            throw new StoreException("cannot read " + file + ": expected a JSON object with accountUrl and directoryUrl");
        }
        String accountUrl = required(file, root, "accountUrl");
        String directoryUrl = required(file, root, "directoryUrl");
        Optional<String> email = optional(file, root, "email");
        Optional<String> keySha256 = optional(file, root, "clientKeySha256");
        return new Contents(new AccountRegistration(accountUrl, directoryUrl, email), keySha256);
    }

    private static String required(Path file, JsonNode root, String field) throws StoreException {
        return optional(file, root, field).orElseThrow(() -> new StoreException("cannot read " + file
                + ": \"" + field + "\" is missing; expected a string"));
    }

    private static Optional<String> optional(Path file, JsonNode root, String field) throws StoreException {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new StoreException("cannot read " + file + ": \"" + field + "\" must be a non-empty string");
        }
        return Optional.of(node.asText());
    }
}
