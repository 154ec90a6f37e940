package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code metrics_file} setting: absent or null means no metrics, a path is resolved like every other path. */
class MetricsFileConfigTest {
    @TempDir
    Path dir;

    @Test
    void givenNoMetricsFile_thenNone() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, "{\"certificates\": [{\"name\": \"example.com\"}]}");

        assertThat(loaded.local().metricsFile()).isEmpty();
    }

    @Test
    void givenNull_thenNone() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir, "{\"settings\": {\"metrics_file\": null}, \"certificates\": [{\"name\": \"example.com\"}]}");

        assertThat(loaded.local().metricsFile()).isEmpty();
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void givenARelativePath_thenItIsUnderTheConfigurationFolder_withoutWarning() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir,
                "{\"settings\": {\"metrics_file\": \"metrics/certmgr.prom\"}, \"certificates\": [{\"name\": \"example.com\"}]}");

        assertThat(loaded.local().metricsFile()).contains(dir.resolve("metrics/certmgr.prom"));
        assertThat(loaded.warnings()).isEmpty();
    }

    @Test
    void givenANameTheTextfileCollectorIgnores_thenAWarningSaysSo() throws Exception {
        LoadedConfig loaded = ConfigFiles.load(dir,
                "{\"settings\": {\"metrics_file\": \"/var/lib/node-exporter/certmgr.txt\"}, \"certificates\": [{\"name\": \"example.com\"}]}");

        assertThat(loaded.local().metricsFile()).contains(Path.of("/var/lib/node-exporter/certmgr.txt"));
        assertThat(loaded.warnings()).singleElement().asString()
                .contains("settings.metrics_file", "*.prom", "certmgr.txt");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a number     | 5          | expected a string, found a whole number",
            "an empty one | ''         | ",
            "a boolean    | true       | expected a string, found a boolean"})
    void givenBadInput_thenTheMessageNamesThePathAndTheProblem(String what, String json, String problem) {
        String value = json.equals("''") ? "\"\"" : json;
        ConfigException e = ConfigFiles.failure(dir, "{\"settings\": {\"metrics_file\": " + value + "}}");

        assertThat(e.jsonPath()).contains("settings.metrics_file");
        if (problem != null) {
            assertThat(e.problem()).contains(problem);
        }
    }

    @Test
    void givenAFolder_thenTheMessageAsksForAFileInIt() throws Exception {
        Files.createDirectories(dir.resolve("textfiles"));

        ConfigException e = ConfigFiles.failure(dir, "{\"settings\": {\"metrics_file\": \"textfiles\"}}");

        assertThat(e.jsonPath()).contains("settings.metrics_file");
        assertThat(e.problem()).contains("is a folder", dir.resolve("textfiles/certmgr.prom").toString());
    }
}
