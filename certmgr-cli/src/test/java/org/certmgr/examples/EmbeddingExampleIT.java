package org.certmgr.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The program of docs/embedding.md, {@link ManageOneCertificate}, against a real Pebble CA on
 * 127.0.0.1: it issues both key types on the first run and has nothing to do on the second.
 */
@ExtendWith(PebbleExtension.class)
class EmbeddingExampleIT {
    private static final Pattern PEM_BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.*?)-----END CERTIFICATE-----", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void givenPebble_thenTheExampleProgramInstallsACertificatePerKeyType_andASecondRunKeepsThem(
            PebbleServer pebble, ChallengeWebServer web) throws Exception {
        Path data = dir.resolve("data");
        String challengeDirs = web.webRoot().resolve("{fqdn}/.well-known/acme-challenge").toString();

        RunReport first = ManageOneCertificate.update(pebble.directoryUrl(), pebble.trustAnchorPem(), data,
                challengeDirs);

        assertThat(first.anyFailed()).as(first.toString()).isFalse();
        CertificateOutcome outcome = first.certificates().get(0);
        assertThat(outcome.name()).isEqualTo(CertificateName.of("example.test"));
        assertThat(outcome.keyTypes()).allMatch(KeyTypeOutcome::renewed).hasSize(2);
        X509Certificate root = pebble.issuingRoot();
        for (String type : List.of("rsa", "ecdsa")) {
            List<X509Certificate> cert = read(data.resolve("example.test").resolve(type).resolve("cert.pem"));
            List<X509Certificate> chain = read(data.resolve("example.test").resolve(type).resolve("chain.pem"));
            assertThat(cert.get(0).getSubjectAlternativeNames()).extracting(san -> (Object) san.get(1))
                    .containsExactlyInAnyOrder("example.test", "www.example.test");
            cert.get(0).verify(chain.get(0).getPublicKey());
            chain.get(chain.size() - 1).verify(root.getPublicKey());
            assertThat(data.resolve("example.test").resolve(type).resolve("keys/key.pem")).isRegularFile();
        }
        assertThat(cert(data, "rsa").getPublicKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(cert(data, "ecdsa").getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(Files.readSymbolicLink(data.resolve("www.example.test"))).isEqualTo(Path.of("example.test"));

        RunReport second = ManageOneCertificate.update(pebble.directoryUrl(), pebble.trustAnchorPem(), data,
                challengeDirs);

        assertThat(second.anyFailed()).as(second.toString()).isFalse();
        assertThat(second.anyChanged()).isFalse();
        assertThat(second.certificates().get(0).keyTypes()).noneMatch(KeyTypeOutcome::renewed);
    }

    @Test
    void givenACertmgrJson_thenTheCoreWiredFromItInstallsTheConfiguredCertificate(
            PebbleServer pebble, ChallengeWebServer web) throws Exception {
        Path data = dir.resolve("data-from-json");
        Path configFile = dir.resolve("certmgr.json");
        Files.writeString(configFile, "{\n"
                + "  \"account\": { \"email\": \"admin@example.test\", \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + json(data) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"http_challenge_dir\": " + json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + json(pebble.trustAnchorPem()) + ",\n"
                + "    \"key_curve\": \"secp256r1\"\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"config.test\", \"key_types\": [\"ecdsa\"] } ]\n"
                + "}\n");

        RunReport report = ManageFromConfigFile.fromConfigFile(configFile).update(UpdateCommand.all());

        assertThat(report.anyFailed()).as(report.toString()).isFalse();
        assertThat(report.certificates()).singleElement().satisfies(outcome -> {
            assertThat(outcome.name()).isEqualTo(CertificateName.of("config.test"));
            assertThat(outcome.keyTypes()).singleElement().matches(KeyTypeOutcome::renewed);
        });
        assertThat(cert(data, "config.test", "ecdsa").getSubjectX500Principal().getName()).isEqualTo("CN=config.test");
    }

    private static String json(Path path) {
        return "\"" + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static X509Certificate cert(Path data, String type) throws Exception {
        return cert(data, "example.test", type);
    }

    private static X509Certificate cert(Path data, String name, String type) throws Exception {
        return read(data.resolve(name).resolve(type).resolve("cert.pem")).get(0);
    }

    private static List<X509Certificate> read(Path pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = PEM_BLOCK.matcher(Files.readString(pem));
        while (block.find()) {
            byte[] der = Base64.getMimeDecoder().decode(block.group(1));
            certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        }
        assertThat(certificates).as(pem.toString()).isNotEmpty();
        return certificates;
    }
}
