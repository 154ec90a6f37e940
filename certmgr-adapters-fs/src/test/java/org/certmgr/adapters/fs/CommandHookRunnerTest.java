package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.certmgr.adapters.fs.config.HookCommand;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandHookRunnerTest {
    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Map<String, String> CERT_FIELDS = Map.of("key_name", "www.example.test",
            "key_type", "rsa", "certificate_name", "www.example.test",
            "certificate_file", "/var/lib/certmgr/www.example.test/rsa/cert.pem");

    @TempDir
    Path dir;

    private final RecordingOutput output = new RecordingOutput();

    private HookRunner runner(HookEvent event, HookCommand... commands) {
        return runner(Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), event, commands);
    }

    private HookRunner runner(Map<String, String> baseEnvironment, HookEvent event, HookCommand... commands) {
        return new CommandHookRunner(Map.of(event, List.of(commands)), Path.of("/var/lib/certmgr"),
                new ProcessRunner(output), baseEnvironment);
    }

    private static HookCommand command(String... args) {
        return new HookCommand(List.of(args), LONG);
    }

    private static HookCommand command(Duration timeout, String... args) {
        return new HookCommand(List.of(args), timeout);
    }

    @Test
    void givenFieldsInArguments_thenTheProgramGetsThemSubstitutedInsideEachArgument() throws Exception {
        Path out = dir.resolve("args");
        HookRunner hooks = runner(HookEvent.CERTIFICATE_INSTALLED, command("/bin/sh", "-c",
                "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done > " + out, "sh",
                "{certificate_file}", "--name={key_name}", "{key_type}/{certificate_name}"));

        List<String> warnings = hooks.run(HookEvent.CERTIFICATE_INSTALLED, CERT_FIELDS, Optional.empty());

        assertThat(warnings).isEmpty();
        assertThat(Files.readAllLines(out)).containsExactly("[/var/lib/certmgr/www.example.test/rsa/cert.pem]",
                "[--name=www.example.test]", "[rsa/www.example.test]");
    }

    @Test
    void givenFields_thenTheyAreInTheEnvironmentToo_andOutputLinesNameTheCertificate() throws Exception {
        HookRunner hooks = runner(Map.of("KEEP_ME", "kept"), HookEvent.CERTIFICATE_INSTALLED,
                command("/usr/bin/env"));

        hooks.run(HookEvent.CERTIFICATE_INSTALLED, CERT_FIELDS, Optional.empty());

        assertThat(output.lines()).contains("certificate_installed www.example.test: KEEP_ME=kept",
                "certificate_installed www.example.test: CERTMGR_HOOK=certificate_installed",
                "certificate_installed www.example.test: CERTMGR_KEY_NAME=www.example.test",
                "certificate_installed www.example.test: CERTMGR_KEY_TYPE=rsa",
                "certificate_installed www.example.test: CERTMGR_CERTIFICATE_NAME=www.example.test",
                "certificate_installed www.example.test: CERTMGR_CERTIFICATE_FILE=/var/lib/certmgr/www.example.test/rsa/cert.pem");
    }

    @Test
    void givenPassphrase_thenItIsOnlyInTheEnvironment_neverInArgumentsOutputOrWarnings() throws Exception {
        Path env = dir.resolve("passphrase");
        Path args = dir.resolve("args");
        HookRunner hooks = runner(HookEvent.PRIVATE_KEY_INSTALLED, command("/bin/sh", "-c",
                "printf %s \"$CERTMGR_PASSPHRASE\" > " + env + "; printf '%s\\n' \"$0\" \"$@\" > " + args
                        + "; echo done; exit 4",
                "sh", "{private_key_file}"));

        List<String> warnings = hooks.run(HookEvent.PRIVATE_KEY_INSTALLED, Map.of("key_name", "k",
                "key_type", "rsa", "private_key_file", "/x/key.pem", "passphrase", "s3cret-field"),
                Optional.of("s3cret-pass".toCharArray()));

        assertThat(Files.readString(env)).isEqualTo("s3cret-pass");
        assertThat(Files.readString(args)).isEqualTo("sh\n/x/key.pem\n");
        assertThat(warnings).singleElement().asString().contains("exited with code 4")
                .doesNotContain("s3cret");
        assertThat(output.lines()).containsExactly("private_key_installed k: done");
    }

    @Test
    void givenNoPassphrase_thenOneInCertmgrsOwnEnvironmentIsNotPassedOn() throws Exception {
        Path env = dir.resolve("passphrase");
        HookRunner hooks = runner(Map.of("CERTMGR_PASSPHRASE", "inherited"), HookEvent.PRIVATE_KEY_INSTALLED,
                command("/bin/sh", "-c", "printf %s \"[$CERTMGR_PASSPHRASE]\" > " + env));

        List<String> warnings = hooks.run(HookEvent.PRIVATE_KEY_INSTALLED, Map.of("key_name", "k", "key_type", "rsa",
                "private_key_file", "/x/key.pem"), Optional.empty());

        assertThat(warnings).isEmpty();
        assertThat(Files.readString(env)).isEqualTo("[]");
    }

    @Test
    void givenCertificatesUpdatedWithoutDataDir_thenTheRunnersDataDirIsOffered() throws Exception {
        HookRunner hooks = runner(HookEvent.CERTIFICATES_UPDATED,
                command("/usr/bin/printf", "%s|%s\\n", "{data_dir}", "{certificate_names}"));

        hooks.run(HookEvent.CERTIFICATES_UPDATED, Map.of("certificate_names", "a.test b.test"), Optional.empty());
        hooks.run(HookEvent.CERTIFICATES_UPDATED, Map.of("certificate_names", "c.test", "data_dir", "/srv/certs"),
                Optional.empty());

        assertThat(output.lines()).containsExactly("certificates_updated: /var/lib/certmgr|a.test b.test",
                "certificates_updated: /srv/certs|c.test");
    }

    @Test
    void givenOutputOnStdoutAndStderr_thenEveryLineReachesTheLogPrefixedWithTheHook() throws Exception {
        HookRunner hooks = runner(HookEvent.CHAIN_INSTALLED,
                command("/bin/sh", "-c", "echo first; echo second >&2; printf 'no newline'"));

        List<String> warnings = hooks.run(HookEvent.CHAIN_INSTALLED, Map.of(), Optional.empty());

        assertThat(warnings).isEmpty();
        assertThat(output.lines()).containsExactlyInAnyOrder("chain_installed: first", "chain_installed: second",
                "chain_installed: no newline");
    }

    @Test
    void givenOutputWithControlCharacters_thenTheyAreEscapedInTheLog() throws Exception {
        HookRunner hooks = runner(HookEvent.CHAIN_INSTALLED,
                command("/usr/bin/printf", "\\033[31mred\\007\\n"));

        hooks.run(HookEvent.CHAIN_INSTALLED, Map.of(), Optional.empty());

        assertThat(output.lines()).containsExactly("chain_installed: \\x1b[31mred\\x07");
    }

    @Test
    void givenCommandReadingStdin_thenItSeesAnEmptyInputAndFinishes() throws Exception {
        Path out = dir.resolve("stdin");
        HookRunner hooks = runner(HookEvent.CHAIN_INSTALLED, command("/bin/sh", "-c", "cat > " + out));

        List<String> warnings = hooks.run(HookEvent.CHAIN_INSTALLED, Map.of(), Optional.empty());

        assertThat(warnings).isEmpty();
        assertThat(Files.readString(out)).isEmpty();
    }

    @Test
    void givenNonZeroExit_thenAWarningNamesHookCommandAndCode_andTheNextCommandStillRuns() throws Exception {
        Path marker = dir.resolve("second-ran");
        HookRunner hooks = runner(HookEvent.OCSP_INSTALLED, command("/bin/sh", "-c", "exit 3"),
                command("/bin/sh", "-c", "touch " + marker));

        List<String> warnings = hooks.run(HookEvent.OCSP_INSTALLED, Map.of(), Optional.empty());

        assertThat(warnings).containsExactly("hook ocsp_installed: `/bin/sh -c 'exit 3'` exited with code 3");
        assertThat(marker).exists();
    }

    @Test
    void givenMissingProgram_thenAWarningSaysItCouldNotBeStarted() throws Exception {
        HookRunner hooks = runner(HookEvent.SCT_INSTALLED, command("/nonexistent/notify-sct", "{sct_file}"));

        List<String> warnings = hooks.run(HookEvent.SCT_INSTALLED, Map.of("sct_file", "/x/log.sct"), Optional.empty());

        assertThat(warnings).containsExactly(
                "hook sct_installed: `/nonexistent/notify-sct /x/log.sct` could not be started: No such file or directory");
    }

    @Test
    void givenFieldWithoutValue_thenTheCommandIsNotRunAndAWarningSaysWhy() throws Exception {
        HookRunner hooks = runner(HookEvent.SCT_INSTALLED, command("/usr/bin/printf", "%s", "{sct_file}"));

        List<String> warnings = hooks.run(HookEvent.SCT_INSTALLED, Map.of(), Optional.empty());

        assertThat(warnings).containsExactly(
                "hook sct_installed: `/usr/bin/printf %s {sct_file}` was not run: no value for field {sct_file}");
        assertThat(output.lines()).isEmpty();
    }

    @Test
    void givenNoCommandForTheEvent_thenNothingRuns() throws Exception {
        Path marker = dir.resolve("ran");
        HookRunner hooks = runner(HookEvent.OCSP_INSTALLED, command("/bin/sh", "-c", "touch " + marker));

        List<String> warnings = hooks.run(HookEvent.SCT_INSTALLED, Map.of(), Optional.empty());

        assertThat(warnings).isEmpty();
        assertThat(marker).doesNotExist();
    }

    @Test
    void givenHangingCommand_thenItIsKilledAfterItsTimeoutWithAWarning() throws Exception {
        Path pidFile = dir.resolve("pid");
        HookRunner hooks = runner(HookEvent.CERTIFICATE_INSTALLED, command(Duration.ofSeconds(1),
                "/bin/sh", "-c", "echo $$ > " + pidFile + "; exec sleep 30"));
        try {
            List<String> warnings = hooks.run(HookEvent.CERTIFICATE_INSTALLED, CERT_FIELDS, Optional.empty());

            assertThat(warnings).containsExactly("hook certificate_installed: `/bin/sh -c 'echo $$ > " + pidFile
                    + "; exec sleep 30'` timed out after 1s and was killed");
            assertThat(Processes.ended(Processes.readPid(pidFile))).isTrue();
        } finally {
            Processes.killQuietly(pidFile);
        }
    }

    @Test
    void givenHangingCommandWithAChild_thenTheChildIsKilledToo() throws Exception {
        Path childPid = dir.resolve("child");
        HookRunner hooks = runner(HookEvent.CERTIFICATE_INSTALLED, command(Duration.ofSeconds(1),
                "/bin/sh", "-c", "sleep 30 & echo $! > " + childPid + "; wait"));
        try {
            List<String> warnings = hooks.run(HookEvent.CERTIFICATE_INSTALLED, CERT_FIELDS, Optional.empty());

            assertThat(warnings).singleElement().asString().endsWith("timed out after 1s and was killed");
            assertThat(Processes.ended(Processes.readPid(childPid))).isTrue();
        } finally {
            Processes.killQuietly(childPid);
        }
    }

    @Test
    void givenCommandIgnoringSigterm_thenItIsKilledAnyway() throws Exception {
        Path pidFile = dir.resolve("pid");
        HookRunner hooks = runner(HookEvent.CERTIFICATE_INSTALLED, command(Duration.ofSeconds(1),
                "/bin/sh", "-c", "trap '' TERM; echo $$ > " + pidFile + "; while :; do sleep 1; done"));
        try {
            List<String> warnings = hooks.run(HookEvent.CERTIFICATE_INSTALLED, CERT_FIELDS, Optional.empty());

            assertThat(warnings).singleElement().asString().endsWith("timed out after 1s and was killed");
            assertThat(Processes.ended(Processes.readPid(pidFile))).isTrue();
        } finally {
            Processes.killQuietly(pidFile);
        }
    }

    @Test
    void givenInterruptWhileACommandRuns_thenItIsKilledAndTheInterruptReachesTheCaller() throws Exception {
        Path pidFile = dir.resolve("pid");
        Path marker = dir.resolve("second-ran");
        HookRunner hooks = runner(HookEvent.CERTIFICATE_INSTALLED,
                command("/bin/sh", "-c", "echo $$ > " + pidFile + "; exec sleep 30"),
                command("/bin/sh", "-c", "touch " + marker));
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                hooks.run(HookEvent.CERTIFICATE_INSTALLED, CERT_FIELDS, Optional.empty());
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        try {
            caller.start();
            long pid = Processes.readPid(pidFile);
            caller.interrupt();
            caller.join(TimeUnit.SECONDS.toMillis(20));

            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(Processes.ended(pid)).isTrue();
            assertThat(marker).doesNotExist();
        } finally {
            caller.interrupt();
            Processes.killQuietly(pidFile);
        }
    }

    @Test
    void givenInterruptedBeforeTheRun_thenNothingStarts() throws Exception {
        Path marker = dir.resolve("ran");
        HookRunner hooks = runner(HookEvent.CHAIN_INSTALLED, command("/bin/sh", "-c", "touch " + marker));
        List<Throwable> thrown = new ArrayList<>();

        Thread.currentThread().interrupt();
        try {
            hooks.run(HookEvent.CHAIN_INSTALLED, Map.of(), Optional.empty());
        } catch (InterruptedException e) {
            thrown.add(e);
        }

        assertThat(Thread.interrupted()).isFalse();
        assertThat(thrown).hasSize(1);
        assertThat(marker).doesNotExist();
    }

    @Test
    void givenArgumentsWithBlanksAndQuotes_thenTheWarningShowsThemQuoted() {
        assertThat(ProcessRunner.display(Arrays.asList("scp", "/a b/c'd", "", "host:", "x\ny")))
                .isEqualTo("scp '/a b/c'\\''d' '' host: 'x\\ny'");
    }
}
