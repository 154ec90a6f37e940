package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.certmgr.adapters.tls.TlsAdapters;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.OcspException;
import org.certmgr.ports.out.OcspResponse;
import org.certmgr.ports.out.OcspStatus;
import org.certmgr.testkit.ct.TestCtLog;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.OpensslOcspResponder;
import org.certmgr.testkit.pebble.PebbleServer;
import org.certmgr.testkit.tls.NginxServer;
import org.certmgr.testkit.memory.StaticNameResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OCSP client against a real {@code openssl ocsp} responder on 127.0.0.1, answering for
 * certificates that a real Pebble issued with that responder in their AIA extension, and signing
 * with Pebble's intermediate key, a delegated responder certificate, or a wrong key.
 */
class OcspAgainstOpensslIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> ONE_DAY = List.of("-ndays", "1");

    private static Path dir;
    private static int port;
    private static PebbleServer pebble;
    private static ChallengeWebServer web;
    private static String intermediatePem;
    private static String intermediateKey;
    private static X509Certificate good;
    private static X509Certificate revoked;
    private static X509Certificate unknown;
    private static X509Certificate issuer;

    private final List<OpensslOcspResponder> responders = new ArrayList<>();
    private final OcspClient client = TlsAdapters.ocspClient(TIMEOUT, Clock.systemUTC());

    @BeforeAll
    static void issueCertificates() throws Exception {
        dir = Files.createTempDirectory("certmgr-ocsp-it-");
        port = OpensslOcspResponder.freePort();
        pebble = PebbleServer.start(dir.resolve("pebble"), Map.of(), Map.of(), "http://127.0.0.1:" + port + "/");
        web = ChallengeWebServer.start(pebble.httpChallengePort(), dir.resolve("webroot"));
        intermediatePem = pebble.intermediatePem();
        intermediateKey = pebble.intermediateKeyPem();
        Path data = dir.resolve("data");
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"email\": \"admin@example.test\", \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"http_challenge_dir\": "
                + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\", \"dhparam_size\": 0, \"ecparam_curve\": null\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"good.test\" }, { \"name\": \"revoked.test\" },"
                + " { \"name\": \"unknown.test\" } ]\n"
                + "}\n");
        CliRun run = CliRun.in(dir, "update", "--certs");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SUCCESS);
        good = chain(data.resolve("good.test/rsa/cert.pem")).get(0);
        revoked = chain(data.resolve("revoked.test/rsa/cert.pem")).get(0);
        unknown = chain(data.resolve("unknown.test/rsa/cert.pem")).get(0);
        issuer = chain(data.resolve("good.test/rsa/cert.pem")).get(1);
    }

    @AfterAll
    static void stopServers() throws IOException {
        try {
            if (web != null) {
                web.close();
            }
        } finally {
            if (pebble != null) {
                pebble.close();
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterEach
    void stopResponders() {
        responders.forEach(OpensslOcspResponder::close);
    }

    static List<X509Certificate> chain(Path pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        factory.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(pem)))
                .forEach(c -> certificates.add((X509Certificate) c));
        return certificates;
    }

    private String index() {
        return OpensslOcspResponder.indexLine(good, false) + OpensslOcspResponder.indexLine(revoked, true);
    }

    /** A responder on the port the certificates name, signing with the intermediate's key. */
    private OpensslOcspResponder issuerSigned(List<String> validity) throws IOException {
        return start(port, "issuer", intermediatePem, intermediateKey, validity);
    }

    private OpensslOcspResponder start(int onPort, String name, String signerPem, String signerKey,
                                       List<String> validity) throws IOException {
        return start(onPort, name, signerPem, signerKey, validity, index());
    }

    private OpensslOcspResponder start(int onPort, String name, String signerPem, String signerKey,
                                       List<String> validity, String index) throws IOException {
        OpensslOcspResponder responder = OpensslOcspResponder.start(dir.resolve("ocsp-" + name), onPort,
                intermediatePem, signerPem, signerKey, index, validity);
        responders.add(responder);
        return responder;
    }

    /** Makes a responder certificate for the intermediate's key to sign, with the given extensions. */
    private String[] responderCertificate(String name, String extensions) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("signer-" + name));
        Path key = folder.resolve("key.pem");
        Path csr = folder.resolve("csr.pem");
        Path cert = folder.resolve("cert.pem");
        Path ca = Files.writeString(folder.resolve("ca.pem"), intermediatePem);
        Path caKey = Files.writeString(folder.resolve("ca.key"), intermediateKey);
        Path ext = Files.writeString(folder.resolve("ext.cnf"), extensions);
        OpenSsl.run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=" + name);
        OpenSsl.run("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                "-set_serial", "4242", "-days", "2", "-extfile", ext.toString(), "-out", cert.toString());
        return new String[] {Files.readString(cert), Files.readString(key)};
    }

    @Test
    void givenAPebbleCertificate_thenItsAiaNamesTheConfiguredResponder() {
        assertThat(client.responderUrls(good)).containsExactly("http://127.0.0.1:" + port + "/");
    }

    @Test
    void givenTheIssuerSigns_thenGoodRevokedAndUnknownAreReadAndTheGoodResponseIsCurrent() throws Exception {
        OpensslOcspResponder responder = issuerSigned(ONE_DAY);

        OcspResponse ok = client.fetch(good, issuer, responder.url());
        OcspResponse bad = client.fetch(revoked, issuer, responder.url());
        OcspResponse notKnown = client.fetch(unknown, issuer, responder.url());

        assertThat(ok.status()).isEqualTo(OcspStatus.GOOD);
        assertThat(bad.status()).isEqualTo(OcspStatus.REVOKED);
        assertThat(notKnown.status()).isEqualTo(OcspStatus.UNKNOWN);
        assertThat(ok.nextUpdate()).isPresent();
        assertThat(Duration.between(ok.thisUpdate(), ok.nextUpdate().get())).isEqualTo(Duration.ofDays(1));
        assertThat(ok.refreshAt()).isEqualTo(ok.thisUpdate().plus(Duration.ofHours(12)));
        assertThat(client.read(ok.der(), good, issuer)).isEqualTo(ok);
        Path file = Files.write(dir.resolve("good.der"), ok.der());
        Path issuerFile = Files.writeString(dir.resolve("issuer.pem"), intermediatePem);
        assertThat(OpenSsl.run("ocsp", "-respin", file.toString(), "-resp_text", "-noverify"))
                .contains("Cert Status: good").contains("Response Status: successful");
        assertThat(OpenSsl.run("ocsp", "-respin", file.toString(), "-issuer", issuerFile.toString(),
                "-VAfile", issuerFile.toString(), "-serial", "0x" + good.getSerialNumber().toString(16)))
                .contains("Response verify OK");
    }

    @Test
    void givenAStoredResponse_thenItIsNotAcceptedForAnotherCertificate() throws Exception {
        OcspResponse ok = client.fetch(good, issuer, issuerSigned(ONE_DAY).url());

        assertThatThrownBy(() -> client.read(ok.der(), revoked, issuer)).isInstanceOf(OcspException.class)
                .hasMessageContaining("not about this certificate");
        assertThatThrownBy(() -> client.read(new byte[] {1, 2, 3}, good, issuer)).isInstanceOf(OcspException.class)
                .hasMessageContaining("not an OCSP response");
    }

    @Test
    void givenAnExpiredResponse_thenFetchRefusesIt() throws Exception {
        OpensslOcspResponder responder = issuerSigned(List.of("-nmin", "1"));
        Clock threeMinutesLater = Clock.fixed(Instant.now().plus(Duration.ofMinutes(3)), ZoneOffset.UTC);

        assertThatThrownBy(() -> TlsAdapters.ocspClient(TIMEOUT, threeMinutesLater).fetch(good, issuer,
                responder.url())).isInstanceOf(OcspException.class).hasMessageContaining("expired at");
        assertThat(client.fetch(good, issuer, responder.url()).status()).isEqualTo(OcspStatus.GOOD);
    }

    @Test
    void givenAResponseFromTheFuture_thenFetchRefusesIt() throws Exception {
        OpensslOcspResponder responder = issuerSigned(ONE_DAY);
        Clock anHourEarlier = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);

        assertThatThrownBy(() -> TlsAdapters.ocspClient(TIMEOUT, anHourEarlier).fetch(good, issuer,
                responder.url())).isInstanceOf(OcspException.class).hasMessageContaining("in the future");
    }

    @Test
    void givenAResponderSigningWithAWrongKey_thenTheResponseIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("wrong"));
        Path key = folder.resolve("key.pem");
        Path cert = folder.resolve("cert.pem");
        OpenSsl.run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-subj", "/CN=not the issuer", "-days", "2");
        OpensslOcspResponder responder = start(OpensslOcspResponder.freePort(), "wrong", Files.readString(cert),
                Files.readString(key), ONE_DAY);

        assertThatThrownBy(() -> client.fetch(good, issuer, responder.url())).isInstanceOf(OcspException.class)
                .hasMessageContaining("not signed by the issuer or a responder it delegated to");
    }

    @Test
    void givenADelegatedResponderWithTheOcspSigningPurpose_thenItsResponsesAreAccepted() throws Exception {
        String[] signer = responderCertificate("delegate", "extendedKeyUsage = OCSPSigning\n");
        OpensslOcspResponder responder = start(OpensslOcspResponder.freePort(), "delegate", signer[0], signer[1],
                ONE_DAY);

        assertThat(client.fetch(good, issuer, responder.url()).status()).isEqualTo(OcspStatus.GOOD);
    }

    @Test
    void givenADelegatedResponderWithoutTheOcspSigningPurpose_thenItsResponsesAreRefused() throws Exception {
        String[] signer = responderCertificate("no-eku", "extendedKeyUsage = serverAuth\n");
        OpensslOcspResponder responder = start(OpensslOcspResponder.freePort(), "no-eku", signer[0], signer[1],
                ONE_DAY);

        assertThatThrownBy(() -> client.fetch(good, issuer, responder.url())).isInstanceOf(OcspException.class)
                .hasMessageContaining("not signed by the issuer");
    }

    @Test
    void givenAResponderThatIsDown_thenFetchFailsWithAnOcspException() throws Exception {
        OpensslOcspResponder responder = issuerSigned(ONE_DAY);
        String url = responder.url();
        responder.close();

        assertThatThrownBy(() -> client.fetch(good, issuer, url)).isInstanceOf(OcspException.class)
                .hasMessageContaining("cannot connect");
    }

    @Test
    void givenTheResponderReportsACertificateRevoked_thenUpdateOcspWarnsLoudlyAndRenewsIt() throws Exception {
        issuerSigned(ONE_DAY);
        Path data = dir.resolve("data");
        X509Certificate before = chain(data.resolve("revoked.test/rsa/cert.pem")).get(0);
        assertThat(before).isEqualTo(revoked);

        CliRun run = CliRun.in(dir, "update", "--ocsp");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.err()).contains("revoked.test: warning: REVOKED: the OCSP responder reports the rsa certificate"
                + " of revoked.test (serial " + revoked.getSerialNumber().toString(16) + ") revoked; it is renewed in"
                + " this run");
        assertThat(run.out()).contains("revoked.test: installed a new rsa certificate (revoked, according to its OCSP"
                + " responder)", "good.test: new OCSP response for the rsa certificate");
        assertThat(run.out()).doesNotContain("revoked.test: installed a new ecdsa", "good.test: installed");
        X509Certificate after = chain(data.resolve("revoked.test/rsa/cert.pem")).get(0);
        assertThat(after.getSerialNumber()).isNotEqualTo(revoked.getSerialNumber());
        assertThat(data.resolve("good.test/rsa/ocsp.der")).exists();
        assertThat(data.resolve("revoked.test/rsa/ocsp.der")).doesNotExist();
        assertThat(data.resolve("unknown.test/rsa/ocsp.der")).doesNotExist();
        assertThat(run.err()).contains("unknown.test: warning: the OCSP responder http://127.0.0.1:" + port
                + "/ does not know the rsa certificate");
    }

    @Test
    void givenNginxStaplingTheResponsesCertmgrWrote_thenVerifyFindsGoodStaplesForBothKeyTypes() throws Exception {
        assumeTrue(NginxServer.find().isPresent(), "nginx is not installed (" + NginxServer.INSTALL_HINT + ")");
        Path cli = Files.createDirectories(dir.resolve("nginx-staple"));
        Path data = cli.resolve("data");
        String config = "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ", \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(cli.resolve("certmgr.lock")) + ",\n"
                + "    \"http_challenge_dir\": "
                + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\", \"dhparam_size\": 0, \"ecparam_curve\": null"
                + "VERIFY\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"nginx-staple.test\" } ]\n"
                + "}\n";
        ConfigFiles.write(cli, "certmgr.json", config.replace("VERIFY", ""));
        Path folder = data.resolve("nginx-staple.test");
        CliRun certs = CliRun.in(cli, "update", "--certs");
        assertThat(certs.exitCode()).as(certs.err()).isEqualTo(ExitCode.SUCCESS);
        start(port, "nginx", intermediatePem, intermediateKey, ONE_DAY,
                OpensslOcspResponder.indexLine(chain(folder.resolve("rsa/cert.pem")).get(0), false)
                        + OpensslOcspResponder.indexLine(chain(folder.resolve("ecdsa/cert.pem")).get(0), false));
        CliRun ocsp = CliRun.in(cli, "update", "--ocsp");
        assertThat(ocsp.exitCode()).as(ocsp.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(folder.resolve("rsa/ocsp.der")).exists();
        assertThat(folder.resolve("ecdsa/ocsp.der")).exists();

        // nginx takes one ssl_stapling_file per server: one server per key type.
        try (NginxServer rsa = staplingNginx(cli, folder, "rsa"); NginxServer ecdsa = staplingNginx(cli, folder, "ecdsa")) {
            ConfigFiles.write(cli, "certmgr.json", config.replace("VERIFY", ",\n    \"verify\": ["
                    + " { \"port\": " + rsa.port() + ", \"key_types\": [\"rsa\"] },"
                    + " { \"port\": " + ecdsa.port() + ", \"key_types\": [\"ecdsa\"] } ]"));
            StaticNameResolver resolver = new StaticNameResolver(Map.of(DnsName.of("nginx-staple.test"),
                    List.of(java.net.InetAddress.getByName("127.0.0.1"))));

            CliRun verify = CliRun.withResolver(cli, resolver, "--verbose", "verify");

            assertThat(verify.exitCode()).as(verify.err() + rsa.errors() + ecdsa.errors()).isEqualTo(ExitCode.SUCCESS);
            assertThat(verify.out().lines().filter(l -> l.endsWith(": ok"))).hasSize(2);
        }
    }

    private static NginxServer staplingNginx(Path cli, Path folder, String type) throws IOException {
        return NginxServer.start(Files.createDirectories(cli.resolve("nginx-" + type)), List.of("nginx-staple.test"),
                List.of(new NginxServer.CertificateFiles(folder.resolve(type + "/cert.pem"),
                        folder.resolve(type + "/keys/key.pem"), java.util.Optional.of(folder.resolve(type + "/ocsp.der")))));
    }

    @Test
    void givenTheCommandLine_thenOcspAndSctsAreFetchedByScopeKeptWhileFreshAndFailuresAreWarnings() throws Exception {
        Path cli = Files.createDirectories(dir.resolve("cli"));
        Path data = cli.resolve("data");
        try (TestCtLog log = TestCtLog.start()) {
            ConfigFiles.write(cli, "certmgr.json", "{\n"
                    + "  \"account\": { \"email\": \"admin@example.test\", \"agree_to_terms\": true },\n"
                    + "  \"settings\": {\n"
                    + "    \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                    + "    \"log_file\": null,\n"
                    + "    \"lock_file\": " + ConfigFiles.json(cli.resolve("certmgr.lock")) + ",\n"
                    + "    \"http_challenge_dir\": "
                    + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                    + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                    + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + ",\n"
                    + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\", \"dhparam_size\": 0,"
                    + " \"ecparam_curve\": null,\n"
                    + "    \"ct_submit_logs\": [\"testlog\"]\n"
                    + "  },\n"
                    + "  \"ct_logs\": { \"testlog\": { \"url\": \"" + log.url() + "\", \"id\": \"" + log.logId()
                    + "\", \"key\": \"" + log.publicKey() + "\" } },\n"
                    + "  \"certificates\": [ { \"name\": \"staple.test\" } ]\n"
                    + "}\n");
            Path folder = data.resolve("staple.test");

            CliRun certs = CliRun.in(cli, "update", "--certs");
            assertThat(certs.exitCode()).as(certs.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(folder.resolve("rsa/ocsp.der")).doesNotExist();
            assertThat(folder.resolve("rsa/scts")).doesNotExist();
            assertThat(log.submissions()).isZero();

            CliRun down = CliRun.in(cli, "update", "--ocsp");
            assertThat(down.exitCode()).isEqualTo(ExitCode.SUCCESS);
            assertThat(down.err().lines()).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("staple.test: warning: no valid OCSP response", "cannot connect"));
            assertThat(folder.resolve("rsa/ocsp.der")).doesNotExist();

            X509Certificate rsa = chain(folder.resolve("rsa/cert.pem")).get(0);
            X509Certificate ecdsa = chain(folder.resolve("ecdsa/cert.pem")).get(0);
            start(port, "cli", intermediatePem, intermediateKey, ONE_DAY,
                    OpensslOcspResponder.indexLine(rsa, false) + OpensslOcspResponder.indexLine(ecdsa, false));
            CliRun ocsp = CliRun.in(cli, "update", "--ocsp");
            assertThat(ocsp.exitCode()).as(ocsp.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(ocsp.err()).isEmpty();
            assertThat(ocsp.out()).contains("staple.test: new OCSP response for the rsa certificate",
                    "staple.test: new OCSP response for the ecdsa certificate");
            for (String type : List.of("rsa", "ecdsa")) {
                assertThat(OpenSsl.run("ocsp", "-respin", folder.resolve(type + "/ocsp.der").toString(),
                        "-resp_text", "-noverify")).contains("Cert Status: good");
            }
            assertThat(folder.resolve("rsa/scts")).doesNotExist();
            Map<String, String> afterOcsp = UpdateAgainstPebbleIT.snapshot(data);

            CliRun again = CliRun.in(cli, "update", "--ocsp");
            assertThat(again.out()).isEmpty();
            assertThat(again.err()).isEmpty();
            assertThat(UpdateAgainstPebbleIT.snapshot(data)).isEqualTo(afterOcsp);

            CliRun sct = CliRun.in(cli, "update", "--sct");
            assertThat(sct.exitCode()).as(sct.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(sct.err()).isEmpty();
            assertThat(log.submissions()).isEqualTo(2);
            byte[] bytes = Files.readAllBytes(folder.resolve("rsa/scts/testlog.sct"));
            assertThat(bytes[0]).isZero();
            assertThat(java.util.Arrays.copyOfRange(bytes, 1, 33))
                    .isEqualTo(java.util.Base64.getDecoder().decode(log.logId()));
            assertThat(folder.resolve("ecdsa/scts/testlog.sct")).exists();

            Map<String, String> afterSct = UpdateAgainstPebbleIT.snapshot(data);
            CliRun all = CliRun.in(cli, "update");
            assertThat(all.exitCode()).isEqualTo(ExitCode.SUCCESS);
            assertThat(all.out()).isEmpty();
            assertThat(all.err()).isEmpty();
            assertThat(UpdateAgainstPebbleIT.snapshot(data)).isEqualTo(afterSct);
            assertThat(log.submissions()).isEqualTo(2);

            CliRun both = CliRun.in(cli, "update", "--certs", "--ocsp");
            assertThat(both.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
            assertThat(both.err()).contains("--certs and --ocsp exclude each other");
        }
    }
}
