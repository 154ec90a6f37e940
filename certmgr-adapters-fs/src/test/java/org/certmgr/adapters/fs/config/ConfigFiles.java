package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes configuration text to a file and loads it, for tests. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static Path write(Path dir, String json) {
        try {
            Path file = dir.resolve("certmgr.json");
            Files.writeString(file, json, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoadedConfig load(Path dir, String json) throws ConfigException {
        return loader(dir).load(write(dir, json));
    }

    static ConfigException failure(Path dir, String json) {
        Path file = write(dir, json);
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> loader(dir).load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> caught[0] = e);
        return caught[0];
    }

    private static ConfigLoader loader(Path dir) {
        return new ConfigLoader(dir, dir.resolve("etc"), Optional.empty());
    }

    /** The repository's {@code certmgr.example.json}; surefire runs in the module folder. */
    static Path exampleFile() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return module.getParent().resolve("certmgr.example.json");
    }
}
