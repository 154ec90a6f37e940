package org.certmgr.adapters.fs.config;

import java.util.regex.Pattern;

/**
 * The location of a value inside the configuration file, written the way a person reads it:
 * {@code certificates[1].alt_names["example.com"][0]}.
 */
final class JsonPath {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    static final JsonPath ROOT = new JsonPath("");

    private final String text;

    private JsonPath(String text) {
        this.text = text;
    }

    JsonPath key(String key) {
        if (IDENTIFIER.matcher(key).matches()) {
            return new JsonPath(text.isEmpty() ? key : text + "." + key);
        }
        return new JsonPath(text + "[" + quote(key) + "]");
    }

    JsonPath index(int index) {
        return new JsonPath(text + "[" + index + "]");
    }

    boolean isRoot() {
        return text.isEmpty();
    }

    static String quote(String key) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : key.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < ' ' || c == 0x7f) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "(top level)" : text;
    }
}
