package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.ports.out.ServiceReloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandServiceReloaderTest {
    @TempDir
    Path dir;

    private final RecordingOutput output = new RecordingOutput();

    private ServiceReloader reloader(Map<String, List<String>> commands, Duration timeout) {
        return new CommandServiceReloader(commands, timeout, new ProcessRunner(output),
                Map.of("PATH", "/usr/bin:/bin", "CERTMGR_PASSPHRASE", "inherited"));
    }

    @Test
    void givenSucceedingCommand_thenReloadReportsNothingAndItsOutputIsLoggedUnderTheServiceName() throws Exception {
        Path marker = dir.resolve("reloaded");
        ServiceReloader reloader = reloader(Map.of("nginx",
                List.of("/bin/sh", "-c", "echo reloading; touch " + marker)), Duration.ofSeconds(30));

        Optional<String> failure = reloader.reload("nginx");

        assertThat(failure).isEmpty();
        assertThat(marker).exists();
        assertThat(output.lines()).containsExactly("nginx: reloading");
    }

    @Test
    void givenFailingCommand_thenReloadReturnsTheReasonNamingServiceAndCommand() throws Exception {
        ServiceReloader reloader = reloader(Map.of("postfix", List.of("/bin/sh", "-c", "exit 1")),
                Duration.ofSeconds(30));

        assertThat(reloader.reload("postfix")).contains("service postfix: `/bin/sh -c 'exit 1'` exited with code 1");
    }

    @Test
    void givenMissingProgram_thenReloadSaysItCouldNotBeStarted() throws Exception {
        ServiceReloader reloader = reloader(Map.of("dovecot", List.of("/nonexistent/systemctl", "reload", "dovecot")),
                Duration.ofSeconds(30));

        assertThat(reloader.reload("dovecot")).contains("service dovecot: `/nonexistent/systemctl reload dovecot`"
                + " could not be started: No such file or directory");
    }

    @Test
    void givenUnknownService_thenReloadFailsWithoutRunningAnything() throws Exception {
        ServiceReloader reloader = reloader(Map.of("nginx", List.of("/bin/true")), Duration.ofSeconds(30));

        assertThat(reloader.reload("apache")).contains("service apache: no reload command is configured in services");
        assertThat(output.lines()).isEmpty();
    }

    @Test
    void givenHangingCommand_thenItIsKilledAfterTheTimeout() throws Exception {
        Path pidFile = dir.resolve("pid");
        ServiceReloader reloader = reloader(Map.of("slapd",
                List.of("/bin/sh", "-c", "echo $$ > " + pidFile + "; exec sleep 30")), Duration.ofMillis(1500));
        try {
            Optional<String> failure = reloader.reload("slapd");

            assertThat(failure).contains("service slapd: `/bin/sh -c 'echo $$ > " + pidFile
                    + "; exec sleep 30'` timed out after 1500ms and was killed");
            assertThat(Processes.ended(Processes.readPid(pidFile))).isTrue();
        } finally {
            Processes.killQuietly(pidFile);
        }
    }

    @Test
    void givenPassphraseInCertmgrsEnvironment_thenTheReloadCommandDoesNotGetIt() throws Exception {
        Path out = dir.resolve("env");
        ServiceReloader reloader = reloader(Map.of("nginx",
                List.of("/bin/sh", "-c", "printf %s \"${CERTMGR_PASSPHRASE-unset}\" > " + out)), Duration.ofSeconds(30));

        reloader.reload("nginx");

        assertThat(Files.readString(out)).isEqualTo("unset");
    }

    @Test
    void givenCommandLeavingABackgroundProcessWithItsOutputOpen_thenReloadReturnsWithTheCommandsExitCode()
            throws Exception {
        Path pidFile = dir.resolve("daemon");
        ServiceReloader reloader = reloader(Map.of("legacy", List.of("/bin/sh", "-c",
                "sleep 30 & echo $! > " + pidFile + "; echo started; exit 0")), Duration.ofSeconds(30));
        try {
            Optional<String> failure = reloader.reload("legacy");

            assertThat(failure).isEmpty();
            assertThat(output.lines()).containsExactly("legacy: started");
            assertThat(ProcessHandle.of(Processes.readPid(pidFile)).map(ProcessHandle::isAlive))
                    .as("a daemon the command started is none of certmgr's business").contains(true);
        } finally {
            Processes.killQuietly(pidFile);
        }
    }
}
