package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.certmgr.testkit.config.BadConfigurations;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A handful of the bad-configuration corpus through the real launcher ({@code scripts/certmgr},
 * a process of its own): the same message, exit status 2 and no stack trace as in-process
 * ({@link BadConfigCorpusTest}), so nothing in the launcher or {@code Main} changes them.
 */
class BadConfigLauncherIT {
    private static final Set<String> CHOSEN = Set.of("trailing comma", "traversal as a keyed name",
            "shell metacharacters in a hook field", "Punycode that does not decode", "verify host not a name",
            "unknown service");

    @TempDir
    Path dir;

    static Stream<BadConfigurations.Case> cases() {
        List<BadConfigurations.Case> chosen = BadConfigurations.all().stream().filter(c -> CHOSEN.contains(c.what()))
                .toList();
        assertThat(chosen).hasSize(CHOSEN.size());
        return chosen.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenABadConfiguration_thenTheLauncherExits2WithItsMessageAndNoStackTrace(BadConfigurations.Case bad)
            throws Exception {
        Path file = ConfigFiles.write(dir, "certmgr.json", bad.json());
        Map<String, String> before = InstalledFiles.snapshot(dir);

        Launcher.Result run = Launcher.run(dir, "--config", file.toString(), "update");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.CONFIGURATION_ERROR.code());
        assertThat(run.output().lines().filter(l -> l.startsWith("certmgr: ")
                && bad.isDescribedBy(file.toString(), l.substring("certmgr: ".length()))))
                .as("its own message, naming " + bad.identity() + ", in:\n" + run.output()).hasSize(1);
        assertThat(run.output()).doesNotContain("Exception", "\tat ", "Caused by");
        assertThat(InstalledFiles.snapshot(dir)).isEqualTo(before);
    }
}
