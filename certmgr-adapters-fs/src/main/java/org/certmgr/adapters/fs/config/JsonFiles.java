package org.certmgr.adapters.fs.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Parses a configuration file as strict standard JSON: no comments, no trailing commas, no
 * duplicate keys, nothing after the top-level object.
 */
final class JsonFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Jackson's reference to the input, e.g. " (start marker at [Source: REDACTED; line: 1, column: 1])". */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?[a-z ]*\\[Source:[^\\]]*\\]\\)?");

    private JsonFiles() {
    }

    static JsonNode parse(Path file, byte[] content) throws ConfigException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(content);
        } catch (JsonProcessingException e) {
            throw malformed(file, e);
        } catch (IOException e) {
            throw new ConfigException(file, null, "cannot read the file: " + e.getMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ConfigException(file, null, "the file is empty; expected a JSON object");
        }
        return tree;
    }

    private static ConfigException malformed(Path file, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String path = null;
        if (e.getProcessor() instanceof JsonParser && !message.startsWith("Unexpected end-of-input")) {
            path = path(((JsonParser) e.getProcessor()).getParsingContext());
        }
        return new ConfigException(file, path, "malformed JSON at " + where + describe(message));
    }

    /**
     * Rewords Jackson's message. A message about an unquoted word would quote the word, and
     * that word may be a passphrase written without quotes, so it is left out.
     */
    private static String describe(String message) {
        String first = SOURCE.matcher(message.lines().findFirst().orElse("syntax error")).replaceAll("").trim();
        if (first.startsWith("Unexpected end-of-input")) {
            return "the file ends too early; a closing \"}\", \"]\" or quote is missing";
        }
        if (first.startsWith("Trailing token")) {
            return "there is more text after the end of the top-level object";
        }
        if (first.contains("comment")) {
            return "comments are not allowed in JSON";
        }
        if (first.startsWith("Unrecognized token")) {
            return "a word that is not valid JSON; text must be in double quotes, and true, false and null"
                    + " in lower case";
        }
        if (first.startsWith("Duplicate field")) {
            return "the key " + first.substring("Duplicate field".length()).trim() + " appears twice in the"
                    + " same object";
        }
        if (first.startsWith("Unexpected character ('}'") || first.startsWith("Unexpected character (']'")) {
            return first + " (a comma before a closing bracket is not allowed in JSON)";
        }
        return first.length() > 200 ? first.substring(0, 200) + "…" : first;
    }

    /** Builds the JSON path of where the parser stopped, or null at the top. */
    private static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        JsonPath path = JsonPath.ROOT;
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                path = path.key(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                path = path.index(c.getCurrentIndex());
            }
        }
        return path.isRoot() ? null : path.toString();
    }
}
