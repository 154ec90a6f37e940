package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.out.MetricsWriter.CertificateFigures;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.StoreException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics file: its exact text, its atomic replacement, and Prometheus' own checker on it. */
class PrometheusTextFileTest {
    private static final Instant RUN = Instant.parse("2026-03-01T04:00:00Z");
    private static final Instant EARLIER = Instant.parse("2026-02-28T16:00:00Z");

    @TempDir
    Path dir;

    private static MetricsWriter.Snapshot snapshot() {
        CertificateName example = CertificateName.of("example.test");
        return new MetricsWriter.Snapshot(new RunHistory.RunSummary(RUN, 2, 1, Optional.of(EARLIER)), List.of(
                new CertificateFigures(example, KeyType.RSA, Optional.of(Instant.parse("2026-05-30T04:00:00Z")),
                        Optional.of(Instant.parse("2026-04-30T04:00:00Z"))),
                new CertificateFigures(example, KeyType.ECDSA, Optional.of(Instant.parse("2026-05-30T04:00:01Z")),
                        Optional.of(Instant.parse("2026-04-30T04:00:01Z"))),
                new CertificateFigures(CertificateName.of("new.test"), KeyType.RSA, Optional.empty(),
                        Optional.empty())));
    }

    @Test
    void givenASnapshot_thenTheTextIsExactlyThePrometheusFormat_andUninstalledKeyTypesHaveNoSample() {
        assertThat(PrometheusTextFile.format(snapshot())).isEqualTo("""
                # HELP certmgr_certificate_not_after_timestamp_seconds When the installed certificate expires (its notAfter), in seconds since the epoch.
                # TYPE certmgr_certificate_not_after_timestamp_seconds gauge
                certmgr_certificate_not_after_timestamp_seconds{certificate="example.test",key_type="rsa"} 1780113600
                certmgr_certificate_not_after_timestamp_seconds{certificate="example.test",key_type="ecdsa"} 1780113601
                # HELP certmgr_certificate_next_renewal_timestamp_seconds When certmgr update renews the certificate (in the past when due), in seconds since the epoch.
                # TYPE certmgr_certificate_next_renewal_timestamp_seconds gauge
                certmgr_certificate_next_renewal_timestamp_seconds{certificate="example.test",key_type="rsa"} 1777521600
                certmgr_certificate_next_renewal_timestamp_seconds{certificate="example.test",key_type="ecdsa"} 1777521601
                # HELP certmgr_last_run_timestamp_seconds When the last certmgr update run ended, in seconds since the epoch.
                # TYPE certmgr_last_run_timestamp_seconds gauge
                certmgr_last_run_timestamp_seconds 1772337600
                # HELP certmgr_last_success_timestamp_seconds When a certmgr update run last ended with no failed certificate, in seconds since the epoch; 0 when none has.
                # TYPE certmgr_last_success_timestamp_seconds gauge
                certmgr_last_success_timestamp_seconds 1772294400
                # HELP certmgr_last_run_failed_certificates How many certificates failed in the last certmgr update run.
                # TYPE certmgr_last_run_failed_certificates gauge
                certmgr_last_run_failed_certificates 1
                # HELP certmgr_last_run_certificates How many certificates the last certmgr update run processed.
                # TYPE certmgr_last_run_certificates gauge
                certmgr_last_run_certificates 2
                """);
    }

    @Test
    void givenNoSuccessfulRunYet_thenTheLastSuccessIsZero() {
        MetricsWriter.Snapshot none = new MetricsWriter.Snapshot(new RunHistory.RunSummary(RUN, 1, 1,
                Optional.empty()), List.of());

        assertThat(PrometheusTextFile.format(none)).contains("\ncertmgr_last_success_timestamp_seconds 0\n");
    }

    @Test
    void givenLabelValuesWithQuotesAndBackslashes_thenTheyAreEscaped() {
        assertThat(PrometheusTextFile.label("a\"b\\c\nd")).isEqualTo("a\\\"b\\\\c\\nd");
    }

    @Test
    void givenAnExistingFile_whenWritten_thenItIsReplacedWholeWithMode0644AndNoTemporaryFileLeft() throws Exception {
        Path file = dir.resolve("certmgr.prom");
        Files.writeString(file, "old");

        new PrometheusTextFile(file, new FileOps()).write(snapshot());

        assertThat(Files.readString(file)).isEqualTo(PrometheusTextFile.format(snapshot()));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void givenAMissingFolder_thenAStoreExceptionNamesIt() {
        Path file = dir.resolve("missing/certmgr.prom");

        assertThatThrownBy(() -> new PrometheusTextFile(file, new FileOps()).write(snapshot()))
                .isInstanceOf(StoreException.class).hasMessageContaining(dir.resolve("missing").toString());
    }

    @Test
    void givenTheWrittenFile_thenPromtoolCheckMetricsAcceptsIt() throws Exception {
        Optional<Path> promtool = promtool();
        Assumptions.assumeTrue(promtool.isPresent(), "promtool is neither on the PATH nor in "
                + cacheFolder() + " (scripts/lib.sh fetch_promtool puts it there)");
        Path file = dir.resolve("certmgr.prom");
        new PrometheusTextFile(file, new FileOps()).write(snapshot());

        Process process = new ProcessBuilder(promtool.get().toString(), "check", "metrics")
                .redirectInput(file.toFile()).redirectErrorStream(true).start();
        try {
            boolean ended = process.waitFor(60, TimeUnit.SECONDS);
            assertThat(ended).as("promtool ended within 60 s").isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    private static Path cacheFolder() {
        return Path.of(System.getProperty("user.home"), ".cache", "certmgr", "promtool");
    }

    /** promtool on the PATH, else where scripts/lib.sh extracts it. */
    static Optional<Path> promtool() {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "promtool");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path cached = cacheFolder().resolve("promtool");
        return Files.isExecutable(cached) ? Optional.of(cached) : Optional.empty();
    }
}
