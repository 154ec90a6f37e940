package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaUnreachableException;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ACME adapter against a real Pebble on loopback: register, order by http-01, download, and the failures. */
@ExtendWith(PebbleExtension.class)
class AcmeGatewayIT {
    private static final KeyMaterial KEYS = AcmeAdapters.keyMaterial();
    private static final AcmeTiming TIMING = new AcmeTiming(60, Duration.ofMillis(500), Duration.ofSeconds(60));
    private static final List<DnsName> NAMES = List.of(DnsName.of("www.acme-it.test"), DnsName.of("acme-it.test"));

    private static AcmeGateway gateway;
    private static KeyPair accountKey;
    private static AccountRegistration registration;

    @BeforeAll
    static void register(PebbleServer pebble) throws Exception {
        gateway = AcmeAdapters.gateway(pebble.directoryUrl(), List.of(pebble.trustAnchor()));
        accountKey = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
        registration = gateway.register(accountKey, Optional.of("admin@acme-it.test"), true);
    }

    @Test
    void givenPebble_whenRegister_thenAccountUrlAtPebbleAndDirectoryRemembered(PebbleServer pebble) throws Exception {
        assertThat(registration.accountUrl()).startsWith("https://127.0.0.1:" + pebble.directoryUrl().getPort() + "/");
        assertThat(registration.directoryUrl()).isEqualTo(pebble.directoryUrl().toString());
        assertThat(registration.email()).contains("admin@acme-it.test");
        assertThat(gateway.directory().termsOfService()).isPresent();
    }

    @Test
    void givenSameKey_whenRegisterAgain_thenTheSameAccount() throws Exception {
        assertThat(gateway.register(accountKey, Optional.of("admin@acme-it.test"), true).accountUrl())
                .isEqualTo(registration.accountUrl());
    }

    @Test
    void givenRsaAndEcKeys_whenIssuedInParallel_thenVerifiedChainsWithTheNamesAndNoChallengeFileLeft(
            PebbleServer pebble, ChallengeWebServer web) throws Exception {
        AcmeSession session = gateway.login(accountKey, registration);
        FileChallengeResponder responder = FileChallengeResponder.correct(web);
        KeyPair rsa = KEYS.generate(new KeySpec.Rsa(2048));
        KeyPair ec = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<IssuedChain> chains;
        try {
            Future<IssuedChain> rsaChain = pool.submit(() -> session.issue(
                    new OrderRequest(NAMES, KEYS.createCsr(rsa, NAMES, false), TIMING), responder));
            Future<IssuedChain> ecChain = pool.submit(() -> session.issue(
                    new OrderRequest(NAMES, KEYS.createCsr(ec, NAMES, false), TIMING), responder));
            chains = List.of(rsaChain.get(2, TimeUnit.MINUTES), ecChain.get(2, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
        }

        X509Certificate root = pebble.issuingRoot();
        for (int i = 0; i < 2; i++) {
            IssuedChain chain = chains.get(i);
            KeyPair key = i == 0 ? rsa : ec;
            assertThat(chain.intermediates()).isNotEmpty();
            chain.leaf().verify(chain.intermediates().get(0).getPublicKey());
            chain.intermediates().get(chain.intermediates().size() - 1).verify(root.getPublicKey());
            var described = KEYS.describe(i == 0 ? KeyType.RSA : KeyType.ECDSA, chain.leaf(), key);
            assertThat(described.names()).containsExactlyInAnyOrder("www.acme-it.test", "acme-it.test");
            assertThat(described.keyMatches()).isTrue();
        }
        assertThat(responder.deployed).hasSize(4);
        assertThat(responder.removed).hasSize(4);
        assertThat(responder.deployed).allSatisfy(file -> assertThat(file).doesNotExist());
    }

    @Test
    void givenWrongChallengeContent_whenIssue_thenChallengeExceptionNamingTheDomainAndTheCasReason_andFileRemoved(
            ChallengeWebServer web) throws Exception {
        AcmeSession session = gateway.login(accountKey, registration);
        FileChallengeResponder responder = FileChallengeResponder.wrong(web);
        List<DnsName> name = List.of(DnsName.of("wrong.acme-it.test"));
        KeyPair key = KEYS.generate(new KeySpec.Ec(EcCurve.SECP256R1));

        assertThatThrownBy(() -> session.issue(new OrderRequest(name, KEYS.createCsr(key, name, false), TIMING), responder))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining("wrong.acme-it.test")
                .hasMessageContaining("urn:ietf:params:acme:error:unauthorized");
        assertThat(responder.removed).extracting(HttpChallenge::domain).containsExactly(DnsName.of("wrong.acme-it.test"));
        assertThat(responder.deployed).singleElement().satisfies(file -> assertThat(file).doesNotExist());
    }

    @Test
    void givenNothingListensAtTheDirectoryUrl_whenRegister_thenCaUnreachableWithAClearMessage() throws Exception {
        URI closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = URI.create("https://127.0.0.1:" + socket.getLocalPort() + "/dir");
        }
        AcmeGateway unreachable = AcmeAdapters.gateway(closed, List.of());

        assertThatThrownBy(() -> unreachable.register(accountKey, Optional.empty(), true))
                .isInstanceOf(CaUnreachableException.class)
                .hasMessageStartingWith("cannot reach the ACME server at " + closed + ": ")
                .hasMessageContaining("refused");
    }

    @Test
    void givenPebbleNotTrusted_whenDirectory_thenCaUnreachableNamingTheCertificateProblem(PebbleServer pebble) {
        AcmeGateway untrusting = AcmeAdapters.gateway(pebble.directoryUrl(), List.of());

        assertThatThrownBy(untrusting::directory)
                .isInstanceOf(CaUnreachableException.class)
                .hasMessageContaining(pebble.directoryUrl().toString())
                .hasMessageContaining("certification path");
    }

    @Test
    void givenTrustAnchorFile_whenReadTrustAnchors_thenPebblesTlsCa(PebbleServer pebble) throws Exception {
        Path pem = pebble.trustAnchorPem();

        assertThat(Files.exists(pem)).isTrue();
        assertThat(AcmeAdapters.readTrustAnchors(pem)).containsExactly(pebble.trustAnchor());
    }
}
