package org.certmgr.adapters.fs.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What one load shares: the file being read and the warnings collected so far. */
final class Context {
    private final Path file;
    private final List<String> warnings = new ArrayList<>();
    /** Section path → the keys the readers asked for there; lets tests compare the loader with the JSON Schema. */
    private final Map<String, Set<String>> knownKeys = new LinkedHashMap<>();

    Context(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    /** The folder that relative paths in the file are resolved against. */
    Path folder() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }

    Path resolve(String path) {
        return folder().resolve(path).normalize();
    }

    ObjectNode emptyObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    ConfigException error(JsonPath path, String problem) {
        return new ConfigException(file, path.toString(), problem);
    }

    void warn(JsonPath path, String message) {
        warnings.add(file + ": " + path + ": " + message);
    }

    void warnUnknownKey(JsonPath path, String suggestion) {
        warnings.add(file + ": unknown key " + path
                + (suggestion == null ? "" : " (did you mean " + suggestion + "?)") + "; it is ignored");
    }

    /** Records the keys a section with fixed keys knows, when it is finished. */
    void sectionRead(JsonPath path, Set<String> keys) {
        knownKeys.computeIfAbsent(path.toString(), p -> new LinkedHashSet<>()).addAll(keys);
    }

    /** Returns, per section path read so far (e.g. {@code certificates[0]}), the keys the readers know there. */
    Map<String, Set<String>> knownKeys() {
        return knownKeys;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
