package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.out.StoreException;

/**
 * Writes the figures of a run in the Prometheus text exposition format (version 0.0.4), for
 * node_exporter's textfile collector, replacing the file atomically ({@link AtomicTextFile}) so
 * that the collector never reads half a file. Timestamps are whole seconds since the epoch.
 */
final class PrometheusTextFile implements MetricsWriter {
    static final String NOT_AFTER = "certmgr_certificate_not_after_timestamp_seconds";
    static final String NEXT_RENEWAL = "certmgr_certificate_next_renewal_timestamp_seconds";
    static final String LAST_RUN = "certmgr_last_run_timestamp_seconds";
    static final String LAST_SUCCESS = "certmgr_last_success_timestamp_seconds";
    static final String FAILED = "certmgr_last_run_failed_certificates";
    static final String PROCESSED = "certmgr_last_run_certificates";

    private final Path file;
    private final FileOps ops;

    PrometheusTextFile(Path file, FileOps ops) {
        this.file = file;
        this.ops = ops;
    }

    @Override
    public void write(Snapshot snapshot) throws StoreException {
        AtomicTextFile.write(ops, file, format(snapshot), FileOps.PUBLIC_FILE);
    }

    /**
     * Formats a snapshot.
     *
     * @param snapshot the figures
     * @return the file's text
     */
    static String format(Snapshot snapshot) {
        StringBuilder text = new StringBuilder();
        List<CertificateFigures> certificates = snapshot.certificates();
        perCertificate(text, NOT_AFTER, "When the installed certificate expires (its notAfter), in seconds since the"
                + " epoch.", certificates, CertificateFigures::notAfter);
        perCertificate(text, NEXT_RENEWAL, "When certmgr update renews the certificate (in the past when due), in"
                + " seconds since the epoch.", certificates, CertificateFigures::nextRenewal);
        single(text, LAST_RUN, "When the last certmgr update run ended, in seconds since the epoch.",
                seconds(snapshot.run().at()));
        single(text, LAST_SUCCESS, "When a certmgr update run last ended with no failed certificate, in seconds"
                + " since the epoch; 0 when none has.", snapshot.run().lastSuccess().map(PrometheusTextFile::seconds)
                .orElse("0"));
        single(text, FAILED, "How many certificates failed in the last certmgr update run.",
                Integer.toString(snapshot.run().failed()));
        single(text, PROCESSED, "How many certificates the last certmgr update run processed.",
                Integer.toString(snapshot.run().certificates()));
        return text.toString();
    }

    private static void perCertificate(StringBuilder text, String name, String help,
                                       List<CertificateFigures> certificates,
                                       Function<CertificateFigures, Optional<Instant>> value) {
        header(text, name, help);
        for (CertificateFigures c : certificates) {
            Optional<Instant> v = value.apply(c);
            if (v.isPresent()) {
                text.append(name).append("{certificate=\"").append(label(c.name().toString()))
                        .append("\",key_type=\"").append(label(c.keyType().id())).append("\"} ")
                        .append(seconds(v.get())).append('\n');
            }
        }
    }

    private static void single(StringBuilder text, String name, String help, String value) {
        header(text, name, help);
        text.append(name).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder text, String name, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(" gauge\n");
    }

    private static String seconds(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }

    /** Escapes a label value as the format asks: backslash, double quote and line feed. */
    static String label(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
