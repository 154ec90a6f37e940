package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.adapters.fs.RunLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running from cron: the lock, the random wait, colours, the log file and the maintenance
 * actions. The CA address refuses connections, so a certificate that is due fails quickly
 * without leaving 127.0.0.1.
 */
class OperationsTest {
    @TempDir
    Path dir;

    private void writeConfig(String settings) throws Exception {
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(dir.resolve("data")) + ",\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("run/certmgr.lock")) + ",\n"
                + "    \"acme_directory_url\": \"https://127.0.0.1:1/directory\",\n"
                + "    \"min_run_delay\": 5, \"max_run_delay\": 9" + settings + "\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"example.test\", \"key_size\": 2048, \"key_curve\": null } ]\n"
                + "}\n");
    }

    @Test
    void givenAnotherRunHoldingTheLock_thenExitCodeLockHeldAndNothingDone() throws Exception {
        writeConfig(", \"log_file\": null");
        Files.createDirectories(dir.resolve("run"));
        try (RunLock held = FsAdapters.runLock(dir.resolve("run/certmgr.lock"))) {
            assertThat(held.tryAcquire()).isTrue();

            CliRun run = CliRun.in(dir, "update");

            assertThat(run.exitCode()).isEqualTo(ExitCode.LOCK_HELD);
            assertThat(run.err()).contains("another certmgr is running").contains("certmgr.lock");
            assertThat(run.out()).isEmpty();
            assertThat(dir.resolve("data")).doesNotExist();
        }
        assertThat(CliRun.in(dir, "update").exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
    }

    @Test
    void givenRandomWait_thenItWaitsBetweenTheConfiguredDelaysFirst() throws Exception {
        writeConfig(", \"log_file\": null");

        CliRun run = CliRun.in(dir, "--randomwait", "update");

        assertThat(run.sleeps()).singleElement().satisfies(d -> assertThat(d)
                .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(9)));
        assertThat(CliRun.in(dir, "update").sleeps()).isEmpty();
    }

    @Test
    void givenEqualDelays_thenRandomWaitWaitsExactlyThat() throws Exception {
        ConfigFiles.write(dir, "certmgr.json", "{ \"settings\": { \"data_dir\": " + ConfigFiles.json(dir.resolve("data"))
                + ", \"log_file\": null, \"lock_file\": " + ConfigFiles.json(dir.resolve("l.lock"))
                + ", \"min_run_delay\": 3, \"max_run_delay\": 3 }, \"certificates\": [] }");

        CliRun run = CliRun.in(dir, "--randomwait", "update");

        assertThat(run.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.sleeps()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void givenALogFile_thenEachRunWritesAHeaderAndItsLinesThere() throws Exception {
        Path log = dir.resolve("log/certmgr.log");
        writeConfig(", \"log_file\": " + ConfigFiles.json(log));

        CliRun run = CliRun.in(dir, "update");
        CliRun.in(dir, "update");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        String text = Files.readString(log);
        assertThat(text.lines().filter(l -> l.contains("certmgr ") && l.contains(": update (pid "))).hasSize(2);
        assertThat(text).contains("ERROR").contains("example.test: failed:");
    }

    @Test
    void givenALogFolderThatCannotBeWritten_thenAWarningAndTheRunGoesOn() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        writeConfig(", \"log_file\": " + ConfigFiles.json(blocker.resolve("certmgr.log")));

        CliRun run = CliRun.in(dir, "update");

        assertThat(run.err()).contains("cannot write the log file").contains("example.test: failed:");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
    }

    @Test
    void givenColorOptions_thenAnsiColoursOnlyWhenAskedOrOnATerminal() throws Exception {
        writeConfig(", \"log_file\": null");

        assertThat(CliRun.in(dir, "update").err()).doesNotContain("\u001b[");
        assertThat(CliRun.in(dir, "--color", "update").err()).contains("\u001b[31m");
        assertThat(CliRun.in(dir, "--no-color", "update").err()).doesNotContain("\u001b[");
        assertThat(CliRun.in(dir, "--color", "--no-color", "update").exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
    }

    @Test
    void givenCheckAndCleanupOnAnEmptyDataFolder_thenTheyAreSilentAndSucceed() throws Exception {
        writeConfig(", \"log_file\": null");

        for (String action : new String[] {"check", "cleanup"}) {
            CliRun run = CliRun.in(dir, action);
            assertThat(run.exitCode()).as(action + ": " + run.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).isEmpty();
        }
    }

    @Test
    void givenAnOldArchiveAndAKeyWithAWrongMode_thenCleanupDeletesOneAndCheckFixesTheOther() throws Exception {
        writeConfig(", \"log_file\": null, \"archive_days\": 30");
        Path old = dir.resolve("data/archives/example.test/2001_01_01_000000/rsa/keys");
        Files.createDirectories(old);
        Path recent = dir.resolve("data/archives/example.test/"
                + java.time.format.DateTimeFormatter.ofPattern("uuuu_MM_dd_HHmmss").withZone(java.time.ZoneOffset.UTC)
                        .format(java.time.Instant.now()) + "/rsa/keys");
        Files.createDirectories(recent);
        Path key = Files.writeString(recent.resolve("key.pem"), "not really a key");
        Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        CliRun cleanup = CliRun.in(dir, "cleanup");

        assertThat(cleanup.exitCode()).as(cleanup.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(cleanup.out()).contains("cleanup: deleted archive").contains("2001_01_01_000000");
        assertThat(dir.resolve("data/archives/example.test/2001_01_01_000000")).doesNotExist();
        assertThat(recent).exists();

        CliRun check = CliRun.in(dir, "check");

        assertThat(check.exitCode()).as(check.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(check.out()).contains("check: ").contains("key.pem").contains("0640");
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        assertThat(CliRun.in(dir, "check").out()).isEmpty();
    }

    @Test
    void givenUpdateOnlyOptionsWithAnotherAction_thenAUsageError() throws Exception {
        writeConfig(", \"log_file\": null");

        CliRun run = CliRun.in(dir, "--force", "check");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("--force applies to the update action only");
    }

    @Test
    void givenAPassFileThatIsMissing_thenAUsageErrorNamingIt() throws Exception {
        writeConfig(", \"log_file\": null");

        CliRun run = CliRun.in(dir, Map.of(), "--pass-file", dir.resolve("nope.txt").toString(), "update");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("nope.txt");
    }
}
