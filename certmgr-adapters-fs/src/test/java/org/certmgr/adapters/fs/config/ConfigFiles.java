package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Writes configuration text to a file and loads it, for tests; also checks it against the JSON Schema. */
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

    /** Loads a configuration; one the loader accepts must also be valid by the JSON Schema. */
    static LoadedConfig load(Path dir, String json) throws ConfigException {
        LoadedConfig loaded = loader(dir).load(write(dir, json));
        ConfigSchema.assertAcceptsWhatTheLoaderAccepted(json, loaded);
        return loaded;
    }

    static ConfigException failure(Path dir, String json) {
        Path file = write(dir, json);
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> loader(dir).load(file)).isInstanceOfSatisfying(ConfigException.class,
                e -> caught[0] = e);
        return caught[0];
    }

    /** Whether the text is JSON as the loader reads it: strict, one object or value, nothing after it. */
    static boolean isStrictJson(String json) {
        try {
            JsonFiles.parse(Path.of("probe.json"), json.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (ConfigException e) {
            return false;
        }
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
