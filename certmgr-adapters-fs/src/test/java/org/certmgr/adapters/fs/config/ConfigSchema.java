package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON Schema of the configuration, {@code docs/certmgr.schema.json}, compiled once, and the check
 * that every configuration the loader accepts is also valid by the schema.
 */
final class ConfigSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonNode TREE = read(file());
    private static final Schema SCHEMA = REGISTRY.getSchema(TREE);

    private ConfigSchema() {
    }

    /** The schema file; surefire runs in the module folder. */
    static Path file() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return module.getParent().resolve("docs/certmgr.schema.json");
    }

    static JsonNode tree() {
        return TREE;
    }

    static SchemaRegistry registry() {
        return REGISTRY;
    }

    /** Returns what the schema finds wrong with a configuration; empty when it is valid. */
    static List<String> problems(JsonNode config) {
        List<String> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(config)) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        return problems;
    }

    /** Parses configuration text; throws when it is not JSON. */
    static JsonNode parse(String json) throws IOException {
        return MAPPER.readTree(json);
    }

    /**
     * Fails when the loader accepted a configuration that the schema refuses. A configuration with
     * unknown keys is left out: the loader accepts those with a warning, the schema on purpose does not.
     */
    static void assertAcceptsWhatTheLoaderAccepted(String json, LoadedConfig loaded) {
        if (loaded.warnings().stream().anyMatch(w -> w.contains("unknown key"))) {
            return;
        }
        try {
            assertThat(problems(parse(json)))
                    .as("the loader accepts this configuration, so docs/certmgr.schema.json must too:%n%s", json)
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
