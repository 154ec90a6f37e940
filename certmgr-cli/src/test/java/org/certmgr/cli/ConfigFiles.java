package org.certmgr.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes test configurations. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static Path write(Path dir, String name, String json) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve(name), json, StandardCharsets.UTF_8);
    }

    /** Quotes a path for JSON. */
    static String json(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
