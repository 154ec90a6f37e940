package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.certmgr.testkit.net.CountingProxy;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.OpensslOcspResponder;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A run with nothing due makes no network request at all, not even for the CA's directory:
 * certmgr talks to a real Pebble, and to an {@code openssl ocsp} responder named in Pebble's
 * certificates, only through {@link CountingProxy proxies} that count every connection.
 */
class NoOpRequestsIT {
    private static Path dir;
    private static PebbleServer pebble;
    private static ChallengeWebServer web;
    private static CountingProxy acme;
    private static CountingProxy ocsp;
    private static int responderPort;

    private Path cli;

    @BeforeAll
    static void startServers() throws Exception {
        dir = Files.createTempDirectory("certmgr-noop-it-");
        // The responder's proxy comes first: Pebble writes its URL into every certificate.
        responderPort = OpensslOcspResponder.freePort();
        ocsp = CountingProxy.start(responderPort);
        pebble = PebbleServer.start(dir.resolve("pebble"), Map.of(), Map.of(), "http://127.0.0.1:" + ocsp.port() + "/");
        web = ChallengeWebServer.start(pebble.httpChallengePort(), dir.resolve("webroot"));
        acme = CountingProxy.start(pebble.directoryUrl().getPort());
    }

    @AfterAll
    static void stopServers() throws IOException {
        try {
            for (AutoCloseable server : new AutoCloseable[] {acme, ocsp, web, pebble}) {
                if (server != null) {
                    try {
                        server.close();
                    } catch (Exception e) {
                        // the others still stop
                    }
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void newFolder() throws IOException {
        cli = Files.createTempDirectory(dir, "cli-");
        acme.reset();
        ocsp.reset();
    }

    private void writeConfig(String certificateOptions) throws IOException {
        Path data = cli.resolve("data");
        ConfigFiles.write(cli, "certmgr.json", "{\n"
                + "  \"account\": { \"email\": \"admin@example.test\", \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(cli.resolve("certmgr.lock")) + ",\n"
                + "    \"http_challenge_dir\": "
                + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"https://127.0.0.1:" + acme.port() + "/dir\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\", \"dhparam_size\": 0, \"ecparam_curve\": null\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"quiet1.test\"" + certificateOptions + " },"
                + " { \"name\": \"quiet2.test\"" + certificateOptions + " } ]\n"
                + "}\n");
    }

    @Test
    void givenEverythingCurrent_thenUpdateConnectsToNothing() throws Exception {
        writeConfig(", \"ocsp_responder_urls\": []");
        CliRun issue = CliRun.in(cli, "update");
        assertThat(issue.exitCode()).as(issue.err()).isEqualTo(ExitCode.SUCCESS);
        // The proxy is on the path: issuing went through it.
        assertThat(acme.connections()).isPositive();
        acme.reset();

        CliRun noOp = CliRun.in(cli, "update");

        assertThat(noOp.exitCode()).as(noOp.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(noOp.out()).isEmpty();
        assertThat(noOp.err()).isEmpty();
        assertThat(acme.connections()).as("connections to the CA").isZero();
        assertThat(acme.bytes()).isZero();
        assertThat(ocsp.connections()).as("connections to the OCSP responder").isZero();
    }

    @Test
    void givenFreshOcspResponses_thenUpdateConnectsToNeitherTheCaNorTheResponder() throws Exception {
        writeConfig("");
        CliRun issue = CliRun.in(cli, "update", "--certs");
        assertThat(issue.exitCode()).as(issue.err()).isEqualTo(ExitCode.SUCCESS);
        StringBuilder index = new StringBuilder();
        for (String name : List.of("quiet1.test", "quiet2.test")) {
            for (String type : List.of("rsa", "ecdsa")) {
                index.append(OpensslOcspResponder.indexLine(
                        OcspAgainstOpensslIT.chain(cli.resolve("data").resolve(name).resolve(type + "/cert.pem")).get(0),
                        false));
            }
        }
        try (OpensslOcspResponder responder = OpensslOcspResponder.start(cli.resolve("ocsp"), responderPort,
                pebble.intermediatePem(), pebble.intermediatePem(), pebble.intermediateKeyPem(), index.toString(),
                List.of("-ndays", "1"))) {
            assertThat(responder.pid()).as("the responder runs behind the counting proxy").isPositive();
            CliRun fetch = CliRun.in(cli, "update");
            assertThat(fetch.exitCode()).as(fetch.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(fetch.err()).isEmpty();
            assertThat(cli.resolve("data/quiet2.test/ecdsa/ocsp.der")).exists();
            assertThat(ocsp.connections()).isPositive();
            acme.reset();
            ocsp.reset();

            CliRun noOp = CliRun.in(cli, "update");

            assertThat(noOp.exitCode()).as(noOp.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(noOp.out()).isEmpty();
            assertThat(noOp.err()).isEmpty();
            assertThat(acme.connections()).as("connections to the CA").isZero();
            assertThat(ocsp.connections()).as("connections to the OCSP responder").isZero();
            assertThat(ocsp.bytes()).isZero();
        }
    }
}
