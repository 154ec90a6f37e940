package org.certmgr.adapters.fs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.certmgr.domain.InvalidValueException;

/**
 * One value of the configuration with its path, read with the type the key requires.
 *
 * <p>Type errors say which JSON type was found but never the value itself, because the
 * value may be a passphrase typed in the wrong place.
 */
final class Node {
    private final JsonNode json;
    private final JsonPath path;
    private final Context context;

    Node(JsonNode json, JsonPath path, Context context) {
        this.json = json;
        this.path = path;
        this.context = context;
    }

    JsonPath path() {
        return path;
    }

    Context context() {
        return context;
    }

    boolean isNull() {
        return json.isNull();
    }

    boolean isText() {
        return json.isTextual();
    }

    boolean isBoolean() {
        return json.isBoolean();
    }

    boolean isNumber() {
        return json.isNumber();
    }

    boolean isObject() {
        return json.isObject();
    }

    boolean isList() {
        return json.isArray();
    }

    ConfigException error(String problem) {
        return context.error(path, problem);
    }

    /** Wraps a domain rule violation, keeping its message and adding where the value was. */
    ConfigException invalid(InvalidValueException e) {
        return context.error(path, e.getMessage());
    }

    ConfigException expected(String what) {
        return error("expected " + what + ", found " + kind());
    }

    private String kind() {
        if (json.isNull()) {
            return "null";
        }
        if (json.isTextual()) {
            return "a string";
        }
        if (json.isBoolean()) {
            return "a boolean";
        }
        if (json.isIntegralNumber()) {
            return "a whole number";
        }
        if (json.isNumber()) {
            return "a decimal number";
        }
        if (json.isArray()) {
            return "a list";
        }
        return "an object";
    }

    String string() throws ConfigException {
        if (!json.isTextual()) {
            throw expected("a string");
        }
        return json.textValue();
    }

    String nonEmptyString() throws ConfigException {
        String text = string();
        if (text.isBlank()) {
            throw error("expected a non-empty string");
        }
        return text;
    }

    boolean bool() throws ConfigException {
        if (!json.isBoolean()) {
            throw expected("true or false");
        }
        return json.booleanValue();
    }

    int integer(int min, int max) throws ConfigException {
        if (!json.isIntegralNumber()) {
            throw expected("a whole number");
        }
        if (!json.canConvertToInt() || json.intValue() < min || json.intValue() > max) {
            throw error("must be between " + min + " and " + max + ", not " + json.asText());
        }
        return json.intValue();
    }

    List<Node> list() throws ConfigException {
        if (!json.isArray()) {
            throw expected("a list");
        }
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            items.add(new Node(json.get(i), path.index(i), context));
        }
        return items;
    }

    /** Reads a list, or a single string standing for a list of one. */
    List<Node> stringOrList() throws ConfigException {
        if (json.isTextual()) {
            return List.of(this);
        }
        if (!json.isArray()) {
            throw expected("a string or a list of strings");
        }
        return list();
    }

    /** Reads a list; null stands for the empty list. */
    List<Node> listOrNull() throws ConfigException {
        return json.isNull() ? List.of() : list();
    }

    Section object() throws ConfigException {
        if (!json.isObject()) {
            throw expected("an object");
        }
        return new Section((ObjectNode) json, path, context);
    }

    /** Reads an object; null stands for the empty object. */
    Section objectOrNull() throws ConfigException {
        if (json.isNull()) {
            return new Section(context.emptyObject(), path, context);
        }
        return object();
    }
}
