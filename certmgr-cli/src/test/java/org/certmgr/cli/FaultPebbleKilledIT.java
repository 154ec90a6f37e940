package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: the CA dies in the middle of an order. The {@code set_http_challenge} hook
 * (a real process, run when the order exists and its challenge file is written, before the
 * CA is told to validate) kills Pebble with SIGKILL by its PID; certmgr must fail that
 * certificate with a clear message and leave every installed byte as it was. Pebble then comes
 * back on the same ports ({@link PebbleServer#restartPebble()}) and the next run succeeds.
 */
class FaultPebbleKilledIT {
    @TempDir
    Path dir;

    @Test
    void givenPebbleKilledWhileAnOrderIsOpen_thenExit1EveryFileByteIdentical_andTheNextRunWithPebbleBackSucceeds()
            throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"));
             ChallengeWebServer web = ChallengeWebServer.start(pebble.httpChallengePort(), dir.resolve("webroot"))) {
            Path data = dir.resolve("data");
            String certificates = "[ { \"name\": \"crash.test\", \"alt_names\": { \"crash.test\": [\"@\", \"www\"] } } ]";
            FaultConfigs.write(dir, pebble, data, FaultConfigs.served(web), "", certificates);
            CliRun first = CliRun.in(dir, "update");
            assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.SUCCESS);
            Map<String, String> before = InstalledFiles.snapshot(data);
            String oldCert = Files.readString(data.resolve("crash.test/rsa/cert.pem"));

            long pebblePid = pebble.pebblePid();
            FaultConfigs.write(dir, pebble, data, FaultConfigs.served(web), ",\n  \"hooks\": { \"set_http_challenge\":"
                    + " { \"args\": [\"sh\", \"-c\", \"kill -KILL " + pebblePid + "\"] } }", certificates);
            CliRun killed = CliRun.in(dir, "update", "--force");

            assertThat(ProcessHandle.of(pebblePid).map(ProcessHandle::isAlive)).as("Pebble was killed")
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(killed.exitCode()).as(killed.err()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
            assertThat(killed.err()).contains("crash.test", "cannot reach", "127.0.0.1:" + pebble.directoryUrl().getPort())
                    .doesNotContain("Exception", "\tat ");
            assertThat(InstalledFiles.snapshot(data)).as("every file and link under data_dir").isEqualTo(before);
            System.out.println("FaultPebbleKilledIT: " + killed.err().strip());

            pebble.restartPebble();
            // Pebble keeps its accounts in memory only: the restarted one has forgotten ours, as a
            // real CA never would. Set it aside, so that the next run registers anew.
            Files.move(data.resolve("account"), dir.resolve("account-of-the-killed-pebble"));
            FaultConfigs.write(dir, pebble, data, FaultConfigs.served(web), "", certificates);
            CliRun next = CliRun.in(dir, "update", "--force");

            assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(next.out()).contains("crash.test: installed a new rsa certificate",
                    "crash.test: installed a new ecdsa certificate");
            assertThat(Files.readString(data.resolve("crash.test/rsa/cert.pem"))).isNotEqualTo(oldCert);
            InstalledFiles.assertComplete(data.resolve("crash.test"), "after the run with Pebble back");
            InstalledFiles.assertNothingHalfWritten(data);
        }
    }
}
