package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input through the whole command line: each gives a clear message on standard error,
 * a documented exit code, and leaves nothing on disk. Bad configuration files are the corpus
 * of {@link BadConfigCorpusTest}.
 */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void givenAnUnreachableCa_thenExitCode1WithAClearMessageAndNothingWritten() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Path data = dir.resolve("data");
        ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"email\": \"admin@example.test\", \"agree_to_terms\": true },\n"
                + "  \"settings\": { \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                + "    \"log_file\": null, \"key_size\": 2048, \"key_curve\": \"secp256r1\",\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"http_challenge_dir\": " + ConfigFiles.json(dir.resolve("www/{fqdn}")) + ",\n"
                + "    \"acme_directory_url\": \"https://127.0.0.1:" + closedPort + "/dir\" },\n"
                + "  \"certificates\": [ { \"name\": \"example.test\" } ]\n"
                + "}\n");
        CliRun run = CliRun.in(dir, "update");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.CERTIFICATE_FAILED);
        assertThat(run.err()).contains("example.test").contains("cannot reach").contains("127.0.0.1:" + closedPort);
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
        assertThat(data.resolve("account")).doesNotExist();
        assertThat(data.resolve("example.test")).doesNotExist();
        if (Files.exists(dir.resolve("www"))) {
            try (Stream<Path> files = Files.walk(dir.resolve("www"))) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void givenAnUnknownKey_thenAWarningOnStandardErrorButTheRunGoesOn() throws IOException {
        ConfigFiles.write(dir, "certmgr.json", "{ \"settings\": { \"data_dir\": " + ConfigFiles.json(dir.resolve("data"))
                + ", \"log_file\": null, \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock"))
                + ", \"renewl_days\": 10 }, \"certificates\": [] }");
        CliRun run = CliRun.in(dir, "update");
        assertThat(run.exitCode()).isEqualTo(ExitCode.SUCCESS);
        assertThat(run.err()).contains("warning:", "settings.renewl_days", "renewal_days");
        assertThat(run.out()).isEmpty();
        assertThat(CliRun.in(dir, "--quiet", "update").err()).isEmpty();
    }

    @Test
    void givenARootCertificateFileThatIsNotACertificate_thenExitCode2NamingItAndNothingWritten() throws IOException {
        Path data = dir.resolve("data");
        ConfigFiles.write(dir, "certmgr.json", "{ \"settings\": { \"data_dir\": " + ConfigFiles.json(data)
                + ", \"log_file\": null, \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock"))
                + " }, \"certificates\": [ { \"name\": \"example.test\" } ] }");
        Files.writeString(dir.resolve("root_cert.ecdsa.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n"
                + "-----END CERTIFICATE-----\n");

        CliRun run = CliRun.in(dir, "update");

        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("root_cert.ecdsa.pem").contains("not a PEM certificate").doesNotContain("\tat ");
        assertThat(data).doesNotExist();
    }

    @Test
    void givenANameThatIsNotConfigured_thenUsageError() throws IOException {
        ConfigFiles.write(dir, "certmgr.json", "{ \"settings\": { \"data_dir\": " + ConfigFiles.json(dir.resolve("data"))
                + ", \"log_file\": null, \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock"))
                + " }, \"certificates\": [ { \"name\": \"example.test\" } ] }");
        CliRun run = CliRun.in(dir, "update", "other.test");
        assertThat(run.exitCode()).isEqualTo(ExitCode.CONFIGURATION_ERROR);
        assertThat(run.err()).contains("no certificate is configured for other.test");
    }
}
