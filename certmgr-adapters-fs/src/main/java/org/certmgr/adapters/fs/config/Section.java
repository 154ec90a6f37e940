package org.certmgr.adapters.fs.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object of the configuration, read key by key.
 *
 * <p>Every key asked for counts as known, present or not; {@link #finish()} then warns about
 * the keys in the file that nobody asked for, with the closest known key as a suggestion.
 */
final class Section {
    private final ObjectNode json;
    private final JsonPath path;
    private final Context context;
    private final Set<String> known = new LinkedHashSet<>();

    Section(ObjectNode json, JsonPath path, Context context) {
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

    /** Returns the value of a key: empty when the key is absent, a null node when it is null. */
    Optional<Node> get(String key) {
        known.add(key);
        return json.has(key) ? Optional.of(new Node(json.get(key), path.key(key), context)) : Optional.empty();
    }

    Node require(String key, String what) throws ConfigException {
        Optional<Node> node = get(key);
        if (node.isEmpty()) {
            throw context.error(path, "missing key \"" + key + "\" (" + what + ")");
        }
        return node.get();
    }

    /** Reads a key holding a string or a list of strings; absent or null is the empty list. */
    List<Node> stringOrList(String key) throws ConfigException {
        Optional<Node> node = get(key);
        if (node.isEmpty() || node.get().isNull()) {
            return List.of();
        }
        return node.get().stringOrList();
    }

    /** Returns every entry, for objects whose keys are names chosen by the user. */
    List<Map.Entry<String, Node>> entries() {
        List<Map.Entry<String, Node>> entries = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            known.add(field.getKey());
            entries.add(Map.entry(field.getKey(), new Node(field.getValue(), path.key(field.getKey()), context)));
        }
        return entries;
    }

    /** Warns about every key that was never asked for. */
    void finish() {
        context.sectionRead(path, known);
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            if (!known.contains(name)) {
                context.warnUnknownKey(path.key(name), Suggestions.closest(name, known));
            }
        }
    }
}
