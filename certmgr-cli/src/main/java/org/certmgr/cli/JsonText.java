package org.certmgr.cli;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A small JSON writer for the {@code --json} output: objects and arrays written in order, with
 * strings escaped as RFC 8259 asks. The command line keeps JSON libraries out (they belong to the
 * file adapters), and this output needs no parsing.
 */
final class JsonText {
    private final StringBuilder text = new StringBuilder();
    private final String indentUnit = "  ";
    private int depth;
    private boolean first = true;
    private boolean pendingValue;

    JsonText beginObject() {
        return open('{');
    }

    JsonText endObject() {
        return close('}');
    }

    JsonText beginArray() {
        return open('[');
    }

    JsonText endArray() {
        return close(']');
    }

    /** Starts a member of the current object; its value follows. */
    JsonText name(String name) {
        separate();
        string(name);
        text.append(": ");
        // The value written next follows the name: no separator before it.
        pendingValue = true;
        return this;
    }

    JsonText value(String value) {
        beforeValue();
        if (value == null) {
            text.append("null");
        } else {
            string(value);
        }
        return this;
    }

    JsonText value(long value) {
        beforeValue();
        text.append(value);
        return this;
    }

    JsonText value(boolean value) {
        beforeValue();
        text.append(value);
        return this;
    }

    /** An instant as ISO-8601 in UTC, whole seconds, or null. */
    JsonText value(Optional<Instant> instant) {
        return value(instant.map(JsonText::iso).orElse(null));
    }

    /** An optional string, or null. */
    JsonText string(Optional<String> value) {
        return value(value.orElse(null));
    }

    JsonText nullValue() {
        return value((String) null);
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private JsonText open(char bracket) {
        beforeValue();
        text.append(bracket);
        depth++;
        first = true;
        return this;
    }

    private JsonText close(char bracket) {
        depth--;
        if (!first) {
            newline();
        }
        text.append(bracket);
        first = false;
        return this;
    }

    private void beforeValue() {
        if (pendingValue) {
            pendingValue = false;
        } else {
            separate();
        }
        first = false;
    }

    private void separate() {
        if (depth == 0) {
            return;
        }
        if (!first) {
            text.append(',');
        }
        newline();
        first = false;
    }

    private void newline() {
        text.append('\n');
        text.append(indentUnit.repeat(depth));
    }

    private void string(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
