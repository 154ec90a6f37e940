package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.certmgr.adapters.fs.FileOwnership;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.FileSet;
import org.certmgr.testkit.memory.StaticNameResolver;
import org.certmgr.testkit.tls.ServedChain;
import org.certmgr.testkit.tls.TestPki;
import org.certmgr.testkit.tls.TlsTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certmgr verify} through the command line against JSSE test servers on 127.0.0.1 and
 * ::1, with installed files committed through the real file store and names resolved by a
 * static table (never the machine's DNS).
 */
class VerifyCommandTest {
    private static TestPki pki;
    private static ServedChain rsa;
    private static ServedChain ecdsa;
    @TempDir
    Path dir;
    private StaticNameResolver resolver;

    @BeforeAll
    static void issue() {
        pki = TestPki.create("cli");
        rsa = pki.issue(KeyType.RSA, "example.test", "www.example.test");
        ecdsa = pki.issue(KeyType.ECDSA, "example.test", "www.example.test");
    }

    @BeforeEach
    void install() throws Exception {
        resolver = new StaticNameResolver(Map.of(DnsName.of("example.test"),
                List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")),
                DnsName.of("www.example.test"), List.of(InetAddress.getByName("127.0.0.1"))));
        Map<String, byte[]> files = new TreeMap<>();
        files.put(CertificateFiles.cert(KeyType.RSA), pem(rsa.chain()));
        files.put(CertificateFiles.cert(KeyType.ECDSA), pem(ecdsa.chain()));
        FsAdapters.certificateStore(dir.resolve("data"), FileOwnership.CURRENT_USER, Clock.systemUTC())
                .commit(CertificateName.of("example.test"), FileSet.of(files), Set.of(DnsName.of("www.example.test")));
    }

    private static byte[] pem(List<X509Certificate> chain) throws Exception {
        StringBuilder text = new StringBuilder();
        for (X509Certificate c : chain) {
            text.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private void writeConfig(String verify) throws Exception {
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(dir.resolve("data")) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\",\n"
                + "    \"verify\": " + verify + "\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"example.test\", \"alt_names\": { \"example.test\": [\"@\", \"www\"] } } ]\n"
                + "}\n");
    }

    private CliRun run(String... args) {
        return CliRun.withResolver(dir, resolver, args);
    }

    @Test
    void givenServersServeTheInstalledChains_thenVerifyIsSilentAndVerboseListsEveryProbe() throws Exception {
        try (TlsTestServer https = TlsTestServer.start(Map.of(KeyType.RSA, rsa, KeyType.ECDSA, ecdsa), Optional.empty());
             TlsTestServer imap = TlsTestServer.start(Map.of(KeyType.RSA, rsa, KeyType.ECDSA, ecdsa),
                     Optional.of(org.certmgr.domain.StartTls.IMAP))) {
            writeConfig("[" + https.port() + ", {\"port\": " + imap.port() + ", \"starttls\": \"imap\","
                    + " \"hosts\": \"example.test\", \"key_types\": \"ecdsa\"}]");

            CliRun quiet = run("verify");
            CliRun verbose = run("--verbose", "verify", "www.example.test");

            assertThat(quiet.exitCode()).as(quiet.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(quiet.out()).isEmpty();
            assertThat(quiet.err()).isEmpty();
            assertThat(verbose.out().lines()).contains(
                    "example.test: verify example.test 127.0.0.1:" + https.port() + " rsa: ok",
                    "example.test: verify example.test [::1]:" + https.port() + " ecdsa: ok",
                    "example.test: verify www.example.test 127.0.0.1:" + https.port() + " ecdsa: ok",
                    "example.test: verify example.test [::1]:" + imap.port() + " (imap) ecdsa: ok",
                    "verify: all 8 probes passed");
        }
    }

    @Test
    void givenOneServerServesAnotherCertificateAndOneLacksEcdsa_thenEachFailureIsALineAndExitCode4() throws Exception {
        ServedChain other = pki.issue(KeyType.RSA, "other.test");
        try (TlsTestServer wrong = TlsTestServer.start(Map.of(KeyType.RSA, other), Optional.empty())) {
            writeConfig("[ {\"port\": " + wrong.port() + ", \"hosts\": \"www.example.test\"} ]");

            CliRun result = run("verify");

            assertThat(result.exitCode()).isEqualTo(ExitCode.VERIFICATION_FAILED);
            assertThat(result.out()).isEmpty();
            List<String> lines = result.err().lines().toList();
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("certmgr: example.test: verify www.example.test 127.0.0.1:" + wrong.port()
                    + " rsa: wrong certificate: serves a certificate for other.test");
            assertThat(lines.get(1)).startsWith("certmgr: example.test: verify www.example.test 127.0.0.1:" + wrong.port()
                    + " ecdsa: handshake error: TLS handshake: ");
            assertThat(lines.get(2)).isEqualTo("certmgr: verify: 2 of 2 probes failed");
        }
    }

    @Test
    void givenNoTargets_thenVerifySaysSo() throws Exception {
        writeConfig("[]");

        CliRun result = run("verify");

        assertThat(result.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(result.err()).contains("no verify targets are configured for any certificate");
    }

    @Test
    void givenVerifyOptionWithAnotherAction_thenUsageError() throws Exception {
        writeConfig("[]");

        CliRun result = run("check", "--verify");

        assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(result.err()).contains("--verify applies to the update action only");
    }
}
