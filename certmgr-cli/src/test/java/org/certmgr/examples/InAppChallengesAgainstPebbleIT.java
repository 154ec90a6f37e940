package org.certmgr.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.certmgr.adapters.acme.AcmeAdapters;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.Certmgr;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The custom adapter of docs/adapters.md at work: a real Pebble CA validates http-01 through an
 * application's own HTTP server on 127.0.0.1, which answers from {@link InAppChallengeResponder}.
 * Nothing else listens on Pebble's http-01 port, so an issued certificate proves the responder
 * and the handler answered.
 */
class InAppChallengesAgainstPebbleIT {
    @TempDir
    Path dir;

    @Test
    void givenAnApplicationServingChallengesFromMemory_thenPebbleValidatesThemAndTheCertificateIsInstalled()
            throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"))) {
            InAppChallengeResponder responder = new InAppChallengeResponder(Set.of(DnsName.of("app.test")));
            HttpServer server = HttpServer.create(new InetSocketAddress(
                    InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), pebble.httpChallengePort()), 8);
            // tag::handler[]
            server.createContext("/.well-known/acme-challenge/", exchange -> {
                String host = Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Host"), "");
                String token = exchange.getRequestURI().getPath().substring("/.well-known/acme-challenge/".length());
                Optional<String> body = responder.response(host.replaceFirst(":\\d+$", ""), token);
                byte[] bytes = body.orElse("").getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(body.isPresent() ? 200 : 404, body.isPresent() ? bytes.length : -1);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            // end::handler[]
            server.start();
            try {
                Path data = dir.resolve("data");
                Certmgr certmgr = Certmgr.builder()
                        .configuration(Configuration.builder(pebble.directoryUrl().toString())
                                .agreeToTerms("admin@example.test")
                                .certificate(CertificateSpec.builder("app.test")
                                        .keys(new KeySpec.Ec(EcCurve.SECP256R1)).build())
                                .build())
                        .acme(AcmeAdapters.gateway(pebble.directoryUrl(),
                                AcmeAdapters.readTrustAnchors(pebble.trustAnchorPem())))
                        .keyMaterial(AcmeAdapters.keyMaterial())
                        .certificateStore(FsAdapters.certificateStore(data))
                        .accountStore(FsAdapters.accountStore(data))
                        .challengeResponder(responder)
                        .build();

                RunReport report = certmgr.update(UpdateCommand.all());

                assertThat(report.anyFailed()).as(report.toString()).isFalse();
                assertThat(data.resolve("app.test/ecdsa/cert.pem")).isRegularFile();
            } finally {
                server.stop(0);
            }
        }
    }
}
