package org.certmgr.adapters.fs.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one load shares: the file being read and the warnings collected so far. */
final class Context {
    private final Path file;
    private final List<String> warnings = new ArrayList<>();

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

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
