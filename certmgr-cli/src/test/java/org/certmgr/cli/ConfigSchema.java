package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Optional;
import org.certmgr.adapters.fs.config.ConfigException;
import org.certmgr.adapters.fs.config.ConfigLoader;
import org.certmgr.adapters.fs.config.LoadedConfig;

/**
 * Checks the configurations the command-line tests write against {@code docs/certmgr.schema.json}:
 * one that certmgr's loader accepts without an unknown-key warning must be valid by the schema.
 */
final class ConfigSchema {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private ConfigSchema() {
    }

    /**
     * Fails when the loader accepts the file but the schema does not. Files the loader refuses
     * (tests of bad input, or files whose companions are written later) and files with unknown
     * keys (which the loader accepts with a warning, the schema on purpose not) are not judged.
     */
    static void assertValidIfAccepted(Path file) throws IOException {
        LoadedConfig loaded;
        try {
            loaded = new ConfigLoader(file.getParent(), file.getParent().resolve("etc"), Optional.empty()).load(file);
        } catch (ConfigException e) {
            return;
        }
        if (loaded.warnings().stream().anyMatch(w -> w.contains("unknown key"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Error error : SCHEMA.validate(MAPPER.readTree(Files.readString(file)))) {
            problems.add(error.getInstanceLocation() + ": " + error.getMessage());
        }
        assertThat(problems).as("certmgr accepts %s, so docs/certmgr.schema.json must too", file).isEmpty();
    }

    private static Schema load() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(MAPPER.readTree(Files.readString(module.getParent().resolve("docs/certmgr.schema.json"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
