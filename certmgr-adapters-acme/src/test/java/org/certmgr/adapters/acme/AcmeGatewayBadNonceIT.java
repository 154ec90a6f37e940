package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The port's "badNonce MUST be retried inside the adapter" against a Pebble that rejects 30 %
 * of valid nonces. An order makes some fifteen signed requests, so without retries it would
 * fail with near certainty; acme4j retries each up to ten times (0.3^10 per request).
 */
class AcmeGatewayBadNonceIT {
    private static final KeyMaterial KEYS = AcmeAdapters.keyMaterial();

    @TempDir
    Path dir;

    @Test
    void givenPebbleRejectingHalfTheNonces_whenRegisterAndIssueFiveCertificates_thenEverySucceeds() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), Map.of("PEBBLE_WFE_NONCEREJECT", "50"));
             ChallengeWebServer web = ChallengeWebServer.start(pebble.httpChallengePort(), dir.resolve("webroot"))) {
            AcmeGateway gateway = AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()));
            KeyPair accountKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
            AccountRegistration registration = gateway.register(accountKey, Optional.empty(), true);
            long started = System.nanoTime();
            int issued = 0;
            for (int i = 1; i <= 5; i++) {
                List<DnsName> names = List.of(DnsName.of("nonce-" + i + ".acme-it.test"));
                KeyPair key = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));

                IssuedChain chain = gateway.login(accountKey, registration).issue(
                        new OrderRequest(names, KEYS.createCsr(key, names, false),
                                new AcmeTiming(60, Duration.ofMillis(500), Duration.ofSeconds(60))),
                        FileChallengeResponder.correct(web));

                assertThat(chain.leaf().getPublicKey().getEncoded()).isEqualTo(key.getPublic().getEncoded());
                issued++;
            }
            System.out.println("AcmeGatewayBadNonceIT: PEBBLE_WFE_NONCEREJECT=50, " + issued + "/5 issued in "
                    + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        }
    }
}
