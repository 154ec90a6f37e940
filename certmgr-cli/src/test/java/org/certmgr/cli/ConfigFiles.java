package org.certmgr.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test configurations; a configuration certmgr accepts must also be valid by the JSON Schema. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
        ConfigSchema.assertValidIfAccepted(file);
        return file;
    }

    /** Quotes a path for JSON. */
    static String json(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
