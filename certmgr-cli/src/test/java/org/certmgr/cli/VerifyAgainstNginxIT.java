package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.certmgr.domain.DnsName;
import org.certmgr.testkit.memory.StaticNameResolver;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.certmgr.testkit.tls.NginxServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certmgr verify} against a real nginx from Debian on 127.0.0.1 and ::1 that serves
 * the RSA and ECDSA certificates certmgr obtained from a real Pebble: it passes, reports the
 * old certificate after a renewal that nginx did not load, and passes again after a reload.
 */
@ExtendWith(PebbleExtension.class)
class VerifyAgainstNginxIT {
    /** Bounds the wait for nginx's new workers after a reload; each try is one verify run. */
    private static final int MAX_VERIFY_TRIES = 50;
    @TempDir
    Path dir;

    @Test
    void givenNginxServingCertmgrsFiles_thenVerifyPasses_reportsTheOldCertificateAfterARenewal_andPassesAfterReload(
            PebbleServer pebble, ChallengeWebServer web) throws Exception {
        assumeTrue(NginxServer.find().isPresent(), "nginx is not installed and could not be installed ("
                + NginxServer.INSTALL_HINT + "; scripts/test installs it)");
        Path data = dir.resolve("data");
        Path nginxDir = Files.createDirectories(dir.resolve("nginx"));
        StaticNameResolver resolver = new StaticNameResolver(Map.of(
                DnsName.of("nginx.test"), List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1")),
                DnsName.of("www.nginx.test"), List.of(InetAddress.getByName("127.0.0.1"))));
        Path cert = data.resolve("nginx.test");
        List<NginxServer.CertificateFiles> files = List.of(
                new NginxServer.CertificateFiles(cert.resolve("rsa/cert.pem"), cert.resolve("rsa/keys/key.pem")),
                new NginxServer.CertificateFiles(cert.resolve("ecdsa/cert.pem"), cert.resolve("ecdsa/keys/key.pem")));
        writeConfig(pebble, web, data, 443); // rewritten with nginx's port once nginx runs
        CliRun issued = CliRun.in(dir, "update");
        assertThat(issued.exitCode()).as(issued.err()).isEqualTo(ExitCode.SUCCESS);

        try (NginxServer nginx = NginxServer.start(nginxDir, List.of("nginx.test", "www.nginx.test"), files)) {
            writeConfig(pebble, web, data, nginx.port());

            CliRun first = CliRun.withResolver(dir, resolver, "verify");
            assertThat(first.exitCode()).as(first.err() + nginx.errors()).isEqualTo(ExitCode.SUCCESS);
            assertThat(first.out()).isEmpty();
            assertThat(first.err()).isEmpty();
            CliRun verbose = CliRun.withResolver(dir, resolver, "--verbose", "verify");
            assertThat(verbose.out().lines().filter(l -> l.endsWith(": ok"))).hasSize(6);

            CliRun renewed = CliRun.in(dir, "update", "--force");
            assertThat(renewed.exitCode()).as(renewed.err()).isEqualTo(ExitCode.SUCCESS);
            CliRun stale = CliRun.withResolver(dir, resolver, "verify");

            assertThat(stale.exitCode()).isEqualTo(ExitCode.VERIFICATION_FAILED);
            List<String> lines = stale.err().lines().toList();
            assertThat(lines).hasSize(7);
            // "an earlier" or, when both were issued within the same second, "another" certificate.
            assertThat(lines.subList(0, 6)).allSatisfy(l -> assertThat(l).contains(": old certificate: serves a")
                    .contains(" certificate for the same names"));
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("certmgr: nginx.test: verify nginx.test"
                    + " [::1]:" + nginx.port() + " ecdsa: old certificate"));
            assertThat(lines.get(6)).isEqualTo("certmgr: verify: 6 of 6 probes failed");

            nginx.reload();
            CliRun after = CliRun.withResolver(dir, resolver, "verify");
            for (int tries = 1; after.exitCode() != ExitCode.SUCCESS && tries < MAX_VERIFY_TRIES; tries++) {
                Thread.sleep(100); // nginx's old workers finish their handover; no assertion on time
                after = CliRun.withResolver(dir, resolver, "verify");
            }
            assertThat(after.exitCode()).as(after.err() + nginx.errors()).isEqualTo(ExitCode.SUCCESS);
            assertThat(after.err()).isEmpty();

            CliRun updateAndVerify = CliRun.withResolver(dir, resolver, "update", "--verify");
            assertThat(updateAndVerify.exitCode()).as(updateAndVerify.err()).isEqualTo(ExitCode.SUCCESS);
            assertThat(updateAndVerify.err()).isEmpty();
        }
    }

    private void writeConfig(PebbleServer pebble, ChallengeWebServer web, Path data, int port) throws Exception {
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"email\": \"admin@example.test\", \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"http_challenge_dir\": " + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\",\n"
                + "    \"verify\": [" + port + "]\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"nginx.test\", \"alt_names\": { \"nginx.test\": [\"@\", \"www\"] } } ]\n"
                + "}\n");
    }
}
