package org.certmgr.adapters.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.StartTls;
import org.certmgr.ports.out.ProbeRequest;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.StapleCheck;
import org.certmgr.ports.out.TlsProbe;
import org.certmgr.testkit.tls.ServedChain;
import org.certmgr.testkit.tls.TestPki;
import org.certmgr.testkit.tls.TlsTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JsseTlsProbeTest {
    private static final DnsName HOST = DnsName.of("www.example.test");
    private static TestPki pki;
    private static ServedChain rsa;
    private static ServedChain ecdsa;
    private final TlsProbe probe = TlsAdapters.tlsProbe(Duration.ofSeconds(10));

    @BeforeAll
    static void issue() {
        pki = TestPki.create("probe");
        rsa = pki.issue(KeyType.RSA, "www.example.test");
        ecdsa = pki.issue(KeyType.ECDSA, "www.example.test");
    }

    private static ProbeRequest request(String address, int port, Optional<StartTls> startTls, KeyType type)
            throws IOException {
        return new ProbeRequest(InetAddress.getByName(address), port, HOST, startTls, type, false);
    }

    @Test
    void givenServerWithBothKeyTypes_thenEachProbeGetsTheChainOfItsType() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa, KeyType.ECDSA, ecdsa), Optional.empty())) {
            ProbeResult forRsa = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.RSA));
            ProbeResult forEcdsa = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.ECDSA));

            assertThat(forRsa.failure()).isEmpty();
            assertThat(forRsa.chain()).containsExactlyElementsOf(rsa.chain());
            assertThat(forEcdsa.chain()).containsExactlyElementsOf(ecdsa.chain());
            assertThat(forRsa.staple()).isEqualTo(StapleCheck.NOT_REQUESTED);
            assertThat(server.serverNames()).containsExactly(HOST.ascii(), HOST.ascii());
        }
    }

    @Test
    void givenIpv6Address_thenTheProbeConnectsThere() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.ECDSA, ecdsa), Optional.empty())) {
            ProbeResult result = probe.probe(request("::1", server.port(), Optional.empty(), KeyType.ECDSA));

            assertThat(result.chain()).containsExactlyElementsOf(ecdsa.chain());
        }
    }

    @Test
    void givenServerServingAnotherChain_thenTheProbeReportsWhatIsServed() throws Exception {
        ServedChain other = pki.issue(KeyType.RSA, "other.example.test");
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, other.withoutIntermediates()),
                Optional.empty())) {
            ProbeResult result = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.RSA));

            assertThat(result.chain()).containsExactly(other.leaf());
        }
    }

    @Test
    void givenRsaOnlyServer_thenTheEcdsaProbeFailsInTheHandshake() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa), Optional.empty())) {
            ProbeResult ecdsaProbe = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.ECDSA));
            ProbeResult rsaProbe = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.RSA));

            assertThat(ecdsaProbe.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("TLS handshake: "));
            assertThat(rsaProbe.leaf()).isEqualTo(rsa.leaf());
        }
    }

    @Test
    void givenEcdsaOnlyServer_thenTheRsaProbeFailsInTheHandshake() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.ECDSA, ecdsa), Optional.empty())) {
            ProbeResult rsaProbe = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.RSA));
            ProbeResult ecdsaProbe = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.ECDSA));

            assertThat(rsaProbe.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("TLS handshake: "));
            assertThat(ecdsaProbe.leaf()).isEqualTo(ecdsa.leaf());
        }
    }

    @ParameterizedTest
    @EnumSource(StartTls.class)
    void givenStartTlsServer_thenTheProbeUpgradesAndGetsTheChain(StartTls protocol) throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa, KeyType.ECDSA, ecdsa),
                Optional.of(protocol))) {
            ProbeResult forRsa = probe.probe(request("127.0.0.1", server.port(), Optional.of(protocol), KeyType.RSA));
            ProbeResult forEcdsa = probe.probe(request("::1", server.port(), Optional.of(protocol), KeyType.ECDSA));

            assertThat(forRsa.failure()).isEmpty();
            assertThat(forRsa.chain()).containsExactlyElementsOf(rsa.chain());
            assertThat(forEcdsa.chain()).containsExactlyElementsOf(ecdsa.chain());
        }
    }

    @Test
    void givenStartTlsServerProbedWithImmediateTls_thenTheProbeFailsWithoutHanging() throws Exception {
        TlsProbe quick = TlsAdapters.tlsProbe(Duration.ofMillis(500));
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa), Optional.of(StartTls.IMAP))) {
            ProbeResult result = quick.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.RSA));

            assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("TLS handshake: "));
        }
    }

    @Test
    void givenTlsServerProbedWithStartTls_thenTheFailureNamesTheProtocol() throws Exception {
        TlsProbe quick = TlsAdapters.tlsProbe(Duration.ofMillis(500));
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa), Optional.empty())) {
            ProbeResult result = quick.probe(request("127.0.0.1", server.port(), Optional.of(StartTls.SMTP), KeyType.RSA));

            assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("STARTTLS (smtp): "));
        }
    }

    @Test
    void givenNothingListening_thenTheProbeReportsConnect() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        ProbeResult result = probe.probe(request("127.0.0.1", port, Optional.empty(), KeyType.RSA));

        assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("connect: "));
    }

    @Test
    void givenStapleRequestedFromServerWithoutStapling_thenTheStapleIsAbsent() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa), Optional.empty())) {
            ProbeResult result = probe.probe(new ProbeRequest(InetAddress.getByName("127.0.0.1"), server.port(), HOST,
                    Optional.empty(), KeyType.RSA, true));

            assertThat(result.staple()).isEqualTo(StapleCheck.ABSENT);
        }
    }
}
