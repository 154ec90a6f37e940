package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliUsageTest {
    @TempDir
    Path dir;

    @Test
    void givenHelp_thenOptionsActionsAndExitCodesAreListed() {
        CliRun run = CliRun.in(dir, "--help");
        assertThat(run.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.out()).contains("certmgr [options] [update|check|cleanup|verify|auth|revoke|rollover|status] [NAME...]",
                "--config", "--force", "--verify", "--verbose", "--quiet", "--debug", "--version", "--certs", "--ocsp",
                "--sct", "--pass", "--pass-file", "--randomwait", "--color", "--no-color", "--no-auth", "--reason",
                "update", "check", "cleanup", "verify", "auth", "revoke", "rollover", "status", "--json");
        for (ExitCode code : ExitCode.values()) {
            assertThat(run.out()).contains(code.code() + " ", code.meaning());
        }
    }

    @Test
    void givenVersion_thenItIsPrinted() {
        CliRun run = CliRun.in(dir, "--version");
        assertThat(run.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.out()).matches("certmgr \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void givenAnUnknownOption_thenUsageErrorWithExitCode2() {
        CliRun run = CliRun.in(dir, "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("frobnicate").contains("certmgr --help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void givenAnUnknownAction_thenUsageError() {
        CliRun run = CliRun.in(dir, "frobnicate");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("unknown action 'frobnicate'");
    }

    @Test
    void givenConflictingVerbosity_thenUsageError() {
        CliRun run = CliRun.in(dir, "--quiet", "--verbose");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
    }

    @Test
    void givenNoConfigurationAnywhere_thenTheMessageListsWhereItLooked() {
        CliRun run = CliRun.in(dir, "update");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("certmgr.json").contains(dir.toString());
    }
}
