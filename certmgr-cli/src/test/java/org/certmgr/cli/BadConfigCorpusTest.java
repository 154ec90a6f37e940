package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.certmgr.testkit.config.BadConfigurations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad configurations ({@link BadConfigurations}, shared with the loader's test)
 * through the whole command line, in-process: each case gives its own message naming the file,
 * the JSON path and the problem, exit code 2, no stack trace, and writes nothing — neither next
 * to the configuration nor in the default data and lock locations, which the corpus's files
 * do not override. {@code BadConfigLauncherIT} runs a handful through the real launcher.
 */
class BadConfigCorpusTest {
    /** Where certmgr would write when the configuration names no data_dir or lock_file. */
    private static final List<Path> DEFAULT_LOCATIONS = List.of(Path.of("/etc/certmgr"), Path.of("/var/run/certmgr.lock"));

    @TempDir
    Path dir;

    static Stream<BadConfigurations.Case> cases() {
        return BadConfigurations.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenABadConfiguration_thenItsOwnMessageWithFileAndPath_exitCode2_noStackTrace_andNothingWritten(
            BadConfigurations.Case bad) throws IOException {
        Path file = ConfigFiles.write(dir, "certmgr.json", bad.json());
        Map<String, String> before = InstalledFiles.snapshot(dir);
        Map<Path, Map<String, String>> defaults = defaultLocations();

        CliRun run = CliRun.in(dir, "--config", file.toString(), "update");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err().lines().filter(l -> l.startsWith("certmgr: ")
                && bad.isDescribedBy(file.toString(), l.substring("certmgr: ".length()))))
                .as("its own message, naming " + bad.identity() + ", in:\n" + run.err()).hasSize(1);
        assertThat(run.err()).as("no stack trace").doesNotContain("Exception", "\tat ", "Caused by");
        assertThat(run.out()).isEmpty();
        assertThat(InstalledFiles.snapshot(dir)).as("nothing written next to the configuration").isEqualTo(before);
        assertThat(defaultLocations()).as("nothing written to the default data_dir or lock_file").isEqualTo(defaults);
    }

    @Test
    void givenTheCorpus_thenItHasAtLeastThirtyCasesEachExpectingADistinctMessage() {
        List<BadConfigurations.Case> all = BadConfigurations.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all.stream().map(BadConfigurations.Case::identity)).doesNotHaveDuplicates();
        assertThat(all.stream().map(BadConfigurations.Case::what)).doesNotHaveDuplicates();
    }

    private static Map<Path, Map<String, String>> defaultLocations() throws IOException {
        Map<Path, Map<String, String>> state = new java.util.TreeMap<>();
        for (Path p : DEFAULT_LOCATIONS) {
            state.put(p, Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? InstalledFiles.snapshot(p) : Map.of());
        }
        return state;
    }
}
