package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.certmgr.testkit.process.Processes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection on the machine's side, through the command line against a real Pebble: a
 * full disk under {@code data_dir}, a challenge directory that cannot be written, a hook that
 * hangs, a service reload that fails, and two runs at once. Each fault gets a clear message
 * and the documented exit code, and no installed byte changes unless a complete set replaces it.
 */
@ExtendWith(PebbleExtension.class)
class FaultInjectionIT {
    @TempDir
    Path dir;
    private PebbleServer pebble;
    private ChallengeWebServer web;

    @BeforeEach
    void servers(PebbleServer pebble, ChallengeWebServer web) {
        this.pebble = pebble;
        this.web = web;
    }

    private void writeConfig(Path data, String top, String certificates) throws IOException {
        FaultConfigs.write(dir, pebble, data, FaultConfigs.served(web), top, certificates);
    }

    @Test
    void givenDataDirOnAFullFileSystem_thenExit1NamingTheDiskAndPath_oldFilesIntact_andAfterFreeingSpaceTheRunSucceeds()
            throws Exception {
        Path disk = dir.resolve("disk");
        try (Mounts tmpfs = Mounts.tmpfs(disk, "size=1m,mode=0755")) {
            Path data = tmpfs.point().resolve("data");
            writeConfig(data, "", "[ { \"name\": \"full.test\", \"alt_names\": { \"full.test\": [\"@\", \"www\"] } } ]");
            CliRun first = CliRun.in(dir, "update");
            assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.SUCCESS);
            Map<String, String> before = InstalledFiles.snapshot(data);
            String oldCert = Files.readString(data.resolve("full.test/ecdsa/cert.pem"));
            Path filler = disk.resolve("filler");
            long filled = fill(filler);

            CliRun full = CliRun.in(dir, "update", "--force");

            assertThat(full.exitCode()).as(full.err()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
            assertThat(full.err()).contains("full.test", "No space left on device", data.toString())
                    .doesNotContain("Exception", "\tat ");
            assertThat(InstalledFiles.snapshot(data)).as("every file and link under data_dir").isEqualTo(before);
            InstalledFiles.assertNothingHalfWritten(data);

            Files.delete(filler);
            CliRun after = CliRun.in(dir, "update", "--force");

            assertThat(after.exitCode()).as(after.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(Files.readString(data.resolve("full.test/ecdsa/cert.pem"))).isNotEqualTo(oldCert);
            InstalledFiles.assertComplete(data.resolve("full.test"), "after freeing space");
            System.out.println("FaultInjectionIT: a 1 MiB tmpfs filled with " + filled + " bytes; " + full.err().strip());
        }
    }

    /** Writes to {@code file} until the file system is full; returns the bytes written. */
    private static long fill(Path file) throws IOException {
        byte[] block = new byte[16 * 1024];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 100_000; i++) {
                out.write(block);
                out.flush();
                written += block.length;
            }
        } catch (IOException e) {
            assertThat(e.getMessage()).as("the filler stopped because the disk is full").contains("No space left");
            return written;
        }
        throw new AssertionError("the tmpfs did not fill up with " + written + " bytes");
    }

    @Test
    void givenAChallengeDirectoryThatCannotBeWritten_thenExit1NamingItAndTheInstalledFilesUntouched() throws Exception {
        Path data = dir.resolve("data");
        String certificates = "[ { \"name\": \"readonly.test\" } ]";
        writeConfig(data, "", certificates);
        CliRun first = CliRun.in(dir, "update");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.SUCCESS);
        Map<String, String> before = InstalledFiles.snapshot(data);

        Path locked = dir.resolve("locked-webroot");
        AutoCloseable unwritable = unwritableFolder(locked);
        try {
            FaultConfigs.write(dir, pebble, data, locked.resolve("{fqdn}"), "", certificates);
            CliRun run = CliRun.in(dir, "update", "--force");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
            assertThat(run.err()).contains("readonly.test", "challenge directory " + locked.resolve("readonly.test"))
                    .containsAnyOf("Read-only file system", "Permission denied")
                    .doesNotContain("Exception", "\tat ");
            assertThat(run.out()).doesNotContain("installed");
            System.out.println("FaultInjectionIT: " + run.err().strip());
        } finally {
            unwritable.close();
        }
        assertThat(InstalledFiles.snapshot(data)).as("every file and link under data_dir").isEqualTo(before);
    }

    /** A folder nobody can create anything in: a read-only tmpfs as root (who ignores modes), mode 0555 otherwise. */
    private static AutoCloseable unwritableFolder(Path folder) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            return Mounts.tmpfs(folder, "ro,size=64k");
        }
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        return () -> Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void givenAHookThatHangs_thenTheTimeoutKillsItAndTheRunFinishesSayingSo() throws Exception {
        Path data = dir.resolve("data");
        Path pids = dir.resolve("hook-pids");
        writeConfig(data, ",\n  \"hooks\": { \"certificate_installed\": { \"args\": [\"sh\", \"-c\", \"echo $$ >> "
                + pids + "; exec sleep 600\"], \"timeout\": 1 } }", "[ { \"name\": \"hang.test\" } ]");

        CliRun run = CliRun.in(dir, "update");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.out()).contains("hang.test: installed a new rsa certificate",
                "hang.test: installed a new ecdsa certificate");
        assertThat(run.err().lines().filter(l -> l.contains("hook certificate_installed:")
                && l.contains("timed out after 1s and was killed"))).hasSize(2);
        List<String> hookPids = Files.readAllLines(pids, StandardCharsets.UTF_8);
        assertThat(hookPids).hasSize(2);
        for (String pid : hookPids) {
            assertThat(ProcessHandle.of(Long.parseLong(pid.strip())).map(ProcessHandle::isAlive))
                    .as("hook process " + pid).isNotEqualTo(java.util.Optional.of(true));
        }
        InstalledFiles.assertComplete(data.resolve("hang.test"), "with a hanging hook");
    }

    @Test
    void givenAServiceReloadThatFails_thenAWarningTheFilesInstalledAndExitCode0() throws Exception {
        Path data = dir.resolve("data");
        writeConfig(data, ",\n  \"services\": { \"web\": \"sh -c 'echo reload refused >&2; exit 3'\" }",
                "[ { \"name\": \"reload.test\", \"services\": [\"web\"] } ]");

        CliRun run = CliRun.in(dir, "update");

        assertThat(run.exitCode()).as("documented in docs/exit-codes.md: a failing reload is a warning")
                .isEqualTo(ExitCode.SUCCESS);
        assertThat(run.out()).contains("reload.test: installed a new rsa certificate");
        assertThat(run.err()).contains("warning", "web", "exited with code 3").doesNotContain("\tat ");
        InstalledFiles.assertComplete(data.resolve("reload.test"), "with a failing reload");
    }

    @Test
    void givenTwoRunsAtOnce_thenTheSecondExits3NamingTheFirstAndTheFirstCompletes() throws Exception {
        Path data = dir.resolve("data");
        Path started = dir.resolve("hook-started");
        Path release = dir.resolve("hook-release");
        // The first run waits in its set_http_challenge hook (a bounded loop) until the test releases it.
        writeConfig(data, ",\n  \"hooks\": { \"set_http_challenge\": { \"args\": [\"sh\", \"-c\", \"touch " + started
                + "; i=0; while [ ! -e " + release + " ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done\"] } }",
                "[ { \"name\": \"lock.test\" } ]");
        Path config = dir.resolve("certmgr.json");
        Process first = Launcher.start(dir, dir.resolve("first.log"), "--config", config.toString(), "update");
        try {
            for (int i = 0; i < 600 && !Files.exists(started) && first.isAlive(); i++) {
                Thread.sleep(100);
            }
            assertThat(started).as(Files.readString(dir.resolve("first.log"))).exists();

            Launcher.Result second = Launcher.run(dir, "--config", config.toString(), "update");

            assertThat(second.exitCode()).as(second.output()).isEqualTo(ExitCode.LOCK_HELD.code());
            assertThat(second.output()).contains("another certmgr is running (pid " + first.pid() + ")",
                    dir.resolve("certmgr.lock").toString(), "nothing was done").doesNotContain("\tat ");
            assertThat(data.resolve("lock.test")).doesNotExist();

            Files.createFile(release);
            assertThat(first.waitFor(120, TimeUnit.SECONDS)).as("the first run ends").isTrue();
            String firstOutput = Files.readString(dir.resolve("first.log"));
            assertThat(first.exitValue()).as(firstOutput).isZero();
            assertThat(firstOutput).contains("lock.test: installed a new rsa certificate");
        } finally {
            Processes.stop(first, Duration.ofSeconds(5));
        }
        InstalledFiles.assertComplete(data.resolve("lock.test"), "after the first run");
    }
}
