package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certmgr status} and the {@code metrics_file} over certificates issued by a real Pebble CA
 * on 127.0.0.1: the table, the JSON (parsed with Jackson) and the metrics agree with the installed
 * files, and a failed update shows in all three.
 */
@ExtendWith(PebbleExtension.class)
class StatusAgainstPebbleIT {
    private static final Map<String, String> GOOD = Map.of("GAMMA_TEST_PASSPHRASE", "gamma-secret");
    private static final Map<String, String> WRONG = Map.of("GAMMA_TEST_PASSPHRASE", "not-it");

    @TempDir
    Path dir;
    private Path data;
    private Path metrics;

    @BeforeEach
    void writeConfig(PebbleServer pebble, ChallengeWebServer web) throws Exception {
        data = dir.resolve("data");
        metrics = Files.createDirectories(dir.resolve("textfiles")).resolve("certmgr.prom");
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ", \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"metrics_file\": \"textfiles/certmgr.prom\",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\", \"dhparam_size\": 0,\n"
                + "    \"http_challenge_dir\": "
                + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + "\n"
                + "  },\n"
                + "  \"certificates\": [\n"
                + "    { \"name\": \"alpha.test\", \"alt_names\": { \"alpha.test\": [\"@\", \"www\"] } },\n"
                + "    { \"name\": \"beta.test\", \"key_types\": [\"ecdsa\"] },\n"
                + "    { \"name\": \"gamma.test\", \"key_types\": [\"ecdsa\"], \"key_passphrase\": true }\n"
                + "  ]\n"
                + "}\n");
    }

    @Test
    void givenIssuedCertificates_thenStatusTableJsonAndMetricsAgreeWithTheFiles_andAFailedRunShowsEverywhere()
            throws Exception {
        CliRun update = CliRun.in(dir, GOOD, "update");
        assertThat(update.exitCode()).as(update.err()).isEqualTo(ExitCode.SUCCESS);
        Instant firstRun = Instant.now();

        CliRun table = CliRun.in(dir, "status");

        assertThat(table.exitCode()).as(table.out() + table.err()).isEqualTo(ExitCode.SUCCESS);
        assertThat(table.err()).isEmpty();
        assertThat(table.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        assertThat(table.out().lines().filter(l -> l.contains(" rsa ") || l.contains(" ecdsa "))).hasSize(4);
        assertThat(table.out()).contains("alpha.test +1", "beta.test", "gamma.test", "(lifetime)", "ok 0m",
                "3 certificates, 0 key types due for renewal, 0 with problems\nlast update: ", "3 processed, 0 failed");

        JsonNode status = json(CliRun.in(dir, "status", "--json"));
        assertThat(status.get("healthy").asBoolean()).isTrue();
        assertThat(status.get("last_run").get("certificates").asInt()).isEqualTo(3);
        assertThat(status.get("last_run").get("failed").asInt()).isZero();
        String prom = Files.readString(metrics);
        for (JsonNode certificate : status.get("certificates")) {
            String name = certificate.get("name").asText();
            assertThat(certificate.get("last_run").get("result").asText()).isEqualTo("ok");
            for (JsonNode keyType : certificate.get("key_types")) {
                String type = keyType.get("key_type").asText();
                X509Certificate leaf = leaf(data.resolve(name).resolve(type).resolve("cert.pem"));
                Instant notAfter = leaf.getNotAfter().toInstant();
                assertThat(keyType.get("state").asText()).isEqualTo("valid");
                assertThat(Instant.parse(keyType.get("not_after").asText())).isEqualTo(notAfter);
                assertThat(Instant.parse(keyType.get("not_before").asText())).isEqualTo(leaf.getNotBefore().toInstant());
                JsonNode next = keyType.get("next_renewal");
                assertThat(next.get("due").asBoolean()).isFalse();
                assertThat(next.get("basis").asText()).isEqualTo("lifetime");
                assertThat(next.get("reason").asText()).startsWith("valid for ");
                Instant renewAt = Instant.parse(next.get("at").asText());
                assertThat(renewAt).isAfter(firstRun).isBefore(notAfter);
                assertThat(keyType.get("ocsp").get("state").asText()).isEqualTo("no_responder");
                assertThat(keyType.get("scts").get("count").asInt()).isZero();
                assertThat(prom).contains("certmgr_certificate_not_after_timestamp_seconds{certificate=\"" + name
                        + "\",key_type=\"" + type + "\"} " + notAfter.getEpochSecond() + "\n");
                assertThat(prom).contains("certmgr_certificate_next_renewal_timestamp_seconds{certificate=\"" + name
                        + "\",key_type=\"" + type + "\"} " + renewAt.getEpochSecond() + "\n");
            }
        }
        assertThat(status.get("certificates").get(0).get("alt_names")).extracting(JsonNode::asText)
                .containsExactly("alpha.test", "www.alpha.test");
        assertThat(prom).contains("\ncertmgr_last_run_failed_certificates 0\n", "\ncertmgr_last_run_certificates 3\n");
        String lastSuccess = line(prom, "certmgr_last_success_timestamp_seconds ");

        CliRun failing = CliRun.in(dir, WRONG, "update");
        assertThat(failing.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);

        CliRun afterFailure = CliRun.in(dir, "status");
        assertThat(afterFailure.exitCode()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        assertThat(afterFailure.out()).contains("FAILED 0m", "    last run failed: ", "does not decrypt",
                "1 with problems");
        JsonNode failed = json(CliRun.in(dir, "status", "--json", "gamma.test"));
        assertThat(failed.get("healthy").asBoolean()).isFalse();
        JsonNode gamma = failed.get("certificates").get(0);
        assertThat(gamma.get("last_run").get("result").asText()).isEqualTo("failed");
        assertThat(gamma.get("last_run").get("failure").asText()).contains("does not decrypt");
        assertThat(gamma.get("last_run").get("last_success").isNull()).isFalse();
        assertThat(failed.get("last_run").get("failed").asInt()).isEqualTo(1);
        String afterProm = Files.readString(metrics);
        assertThat(afterProm).contains("\ncertmgr_last_run_failed_certificates 1\n");
        assertThat(line(afterProm, "certmgr_last_success_timestamp_seconds ")).isEqualTo(lastSuccess);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.err()).isEmpty();
        return new ObjectMapper().readTree(run.out());
    }

    private static String line(String text, String prefix) {
        List<String> lines = text.lines().filter(l -> l.startsWith(prefix)).toList();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    private static X509Certificate leaf(Path pem) throws Exception {
        // cert.pem also holds the chain and the parameters: the leaf is the first block.
        String text = Files.readString(pem);
        String end = "-----END CERTIFICATE-----";
        byte[] first = text.substring(0, text.indexOf(end) + end.length()).getBytes(StandardCharsets.US_ASCII);
        try (InputStream in = new ByteArrayInputStream(first)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
