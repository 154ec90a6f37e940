package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
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

/**
 * The contract of {@link TlsProbe}, against real TLS test servers on 127.0.0.1 and ::1: extend
 * it with a test class for your adapter.
 */
public abstract class TlsProbeContract {
    private static final DnsName HOST = DnsName.of("contract.example.test");
    private static ServedChain rsa;
    private static ServedChain ecdsa;

    /**
     * Creates the probe under test.
     *
     * @return the probe, with timeouts of a few seconds
     * @throws Exception when it cannot be created
     */
    protected abstract TlsProbe probe() throws Exception;

    /** Issues the chains the servers serve. */
    @BeforeAll
    static void issue() {
        TestPki pki = TestPki.create("contract");
        rsa = pki.issue(KeyType.RSA, HOST.ascii());
        ecdsa = pki.issue(KeyType.ECDSA, HOST.ascii());
    }

    private static ProbeRequest request(String address, int port, Optional<StartTls> startTls, KeyType type)
            throws Exception {
        return new ProbeRequest(InetAddress.getByName(address), port, HOST, startTls, type, false);
    }

    @Test
    void givenAServerWithBothKeyTypes_thenEachKeyTypeGetsItsChainAndTheHostIsTheSni() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa, KeyType.ECDSA, ecdsa), Optional.empty())) {
            TlsProbe probe = probe();

            ProbeResult forRsa = probe.probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.RSA));
            ProbeResult forEcdsa = probe.probe(request("::1", server.port(), Optional.empty(), KeyType.ECDSA));

            assertThat(forRsa.chain()).containsExactlyElementsOf(rsa.chain());
            assertThat(forEcdsa.chain()).containsExactlyElementsOf(ecdsa.chain());
            assertThat(forRsa.staple()).isEqualTo(StapleCheck.NOT_REQUESTED);
            assertThat(server.serverNames()).containsExactly(HOST.ascii(), HOST.ascii());
        }
    }

    @Test
    void givenEveryStartTlsProtocol_thenTheProbeUpgradesFirst() throws Exception {
        TlsProbe probe = probe();
        for (StartTls protocol : StartTls.values()) {
            try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.ECDSA, ecdsa), Optional.of(protocol))) {
                ProbeResult result = probe.probe(request("127.0.0.1", server.port(), Optional.of(protocol), KeyType.ECDSA));

                assertThat(result.failure()).as(protocol.id()).isEmpty();
                assertThat(result.chain()).as(protocol.id()).containsExactlyElementsOf(ecdsa.chain());
            }
        }
    }

    @Test
    void givenAServerWithoutTheKeyType_thenAFailureNotAnException() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa), Optional.empty())) {
            ProbeResult result = probe().probe(request("127.0.0.1", server.port(), Optional.empty(), KeyType.ECDSA));

            assertThat(result.failure()).isPresent();
            assertThat(result.chain()).isEmpty();
        }
    }

    @Test
    void givenNothingListening_thenAFailureNotAnException() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }

        ProbeResult result = probe().probe(request("127.0.0.1", port, Optional.empty(), KeyType.RSA));

        assertThat(result.failure()).isPresent();
    }

    @Test
    void givenAStapleRequestAndNoStapleServed_thenAbsent() throws Exception {
        try (TlsTestServer server = TlsTestServer.start(Map.of(KeyType.RSA, rsa), Optional.empty())) {
            ProbeResult result = probe().probe(new ProbeRequest(InetAddress.getByName("127.0.0.1"), server.port(), HOST,
                    Optional.empty(), KeyType.RSA, true));

            assertThat(result.staple()).isEqualTo(StapleCheck.ABSENT);
        }
    }
}
