package org.certmgr.adapters.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.ProbeRequest;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.StapleCheck;
import org.certmgr.testkit.tls.NginxServer;
import org.certmgr.testkit.tls.ServedChain;
import org.certmgr.testkit.tls.TestPki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stapled OCSP responses from a real nginx ({@code ssl_stapling_file}) reach the probe and are judged. */
class JsseTlsProbeAgainstNginxIT {
    private static final DnsName HOST = DnsName.of("staple.example.test");
    private static TestPki pki;
    private static ServedChain served;
    @TempDir
    Path dir;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("staple");
        served = pki.issue(KeyType.RSA, true, HOST.ascii());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private ProbeResult probeNginxStapling(byte[] response) throws Exception {
        assumeTrue(NginxServer.find().isPresent(), "nginx is not installed (" + NginxServer.INSTALL_HINT + ")");
        Path cert = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", served.leaf().getEncoded())
                + pem("CERTIFICATE", pki.intermediate().getEncoded()));
        Path key = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", served.key().getEncoded()));
        Path staple = Files.write(dir.resolve("ocsp.der"), response);
        try (NginxServer nginx = NginxServer.start(Files.createDirectories(dir.resolve("nginx")), List.of(HOST.ascii()),
                List.of(new NginxServer.CertificateFiles(cert, key, Optional.of(staple))))) {
            return TlsAdapters.tlsProbe(Duration.ofSeconds(10)).probe(new ProbeRequest(InetAddress.getByName("::1"),
                    nginx.port(), HOST, Optional.empty(), KeyType.RSA, true));
        }
    }

    @Test
    void givenNginxStaplesAGoodResponse_thenTheStapleIsGood() throws Exception {
        Instant now = Instant.now();
        ProbeResult result = probeNginxStapling(pki.ocspResponse(served.leaf(), false, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(3))));

        assertThat(result.failure()).isEmpty();
        assertThat(result.leaf()).isEqualTo(served.leaf());
        assertThat(result.staple()).isEqualTo(StapleCheck.GOOD);
    }

    @Test
    void givenNginxStaplesARevokedResponse_thenTheStapleIsBad() throws Exception {
        Instant now = Instant.now();
        ProbeResult result = probeNginxStapling(pki.ocspResponse(served.leaf(), true, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(3))));

        assertThat(result.staple()).isEqualTo(StapleCheck.bad("the OCSP response says revoked"));
    }
}
