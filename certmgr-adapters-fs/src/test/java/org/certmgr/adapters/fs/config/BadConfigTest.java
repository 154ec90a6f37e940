package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.certmgr.testkit.config.BadConfigurations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input gives a {@link ConfigException} whose message names the file, the
 * JSON path of the offending value and what is wrong. The corpus is shared with the command
 * line's test ({@link BadConfigurations}).
 */
class BadConfigTest {
    @TempDir
    Path dir;

    static Stream<BadConfigurations.Case> cases() {
        return BadConfigurations.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenBadInput_thenTheMessageNamesFilePathAndProblem(BadConfigurations.Case bad) {
        String what = bad.what();
        String path = bad.jsonPath().orElse(null);
        String problem = bad.problem();
        ConfigException e = ConfigFiles.failure(dir, bad.json());
        if (Boolean.getBoolean("printMessages")) {
            System.out.println(what + "\n    " + e.getMessage().replace(dir.toString(), "DIR"));
        }

        Path file = dir.resolve("certmgr.json");
        assertThat(e.file()).contains(file);
        assertThat(e.problem()).contains(problem);
        if (path != null) {
            assertThat(e.jsonPath()).contains(path);
            assertThat(e.getMessage()).isEqualTo(file + ": " + path + ": " + e.problem());
        } else {
            assertThat(e.getMessage()).isEqualTo(file + ": " + e.problem());
        }
    }
}
