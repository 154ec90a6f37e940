package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleEnvironment;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection: a CA that rejects half of the valid nonces ({@code PEBBLE_WFE_NONCEREJECT=50}).
 * Each order takes some fifteen signed requests, so without badNonce retries nearly every
 * certificate would fail; through the command line every one of them is issued, both key types.
 */
@ExtendWith(PebbleExtension.class)
@PebbleEnvironment("PEBBLE_WFE_NONCEREJECT=50")
class FaultNonceRejectIT {
    private static final List<String> NAMES = List.of("nonce-a.test", "nonce-b.test", "nonce-c.test", "nonce-d.test");

    @TempDir
    Path dir;

    @Test
    void givenPebbleRejectingHalfTheNonces_thenEveryCertificateOfBothKeyTypesIsIssued(
            PebbleServer pebble, ChallengeWebServer web) throws Exception {
        Path data = dir.resolve("data");
        FaultConfigs.write(dir, pebble, data, FaultConfigs.served(web), "",
                "[ { \"name\": \"nonce-a.test\", \"alt_names\": { \"nonce-a.test\": [\"@\", \"www\", \"api\"] } },"
                        + " { \"name\": \"nonce-b.test\" }, { \"name\": \"nonce-c.test\" }, { \"name\": \"nonce-d.test\" } ]");

        CliRun run = CliRun.in(dir, "update");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SUCCESS);
        for (String name : NAMES) {
            assertThat(run.out()).contains(name + ": installed a new rsa certificate",
                    name + ": installed a new ecdsa certificate");
            InstalledFiles.assertComplete(data.resolve(name), name);
        }
        assertThat(run.out().lines().filter(l -> l.contains("installed a new"))).hasSize(2 * NAMES.size());
        System.out.println("FaultNonceRejectIT: PEBBLE_WFE_NONCEREJECT=50, " + 2 * NAMES.size() + "/"
                + 2 * NAMES.size() + " certificates issued");
    }
}
