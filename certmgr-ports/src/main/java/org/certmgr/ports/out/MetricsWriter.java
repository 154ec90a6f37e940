package org.certmgr.ports.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;

/**
 * Publishes the figures of a run for monitoring, e.g. as a Prometheus text file for
 * node_exporter's textfile collector. The core decides the figures; the writer owns the format.
 *
 * <p>Contract: {@link #write} MUST replace what an earlier call published as a whole (a reader sees
 * the old or the new figures, never a mix or a part), MUST publish every figure of the snapshot,
 * and MUST NOT publish a certificate absent from it.
 */
public interface MetricsWriter {

    /** Publishes nothing: no {@code metrics_file} is configured. */
    MetricsWriter NONE = snapshot -> {
    };

    /**
     * The figures of one key type of a certificate.
     *
     * @param name        the certificate
     * @param keyType     the key type
     * @param notAfter    when the installed certificate expires, or empty when none is installed
     * @param nextRenewal when it is due for renewal (the next run's time when due already), or
     *                    empty when none is installed
     */
    record CertificateFigures(CertificateName name, KeyType keyType, Optional<Instant> notAfter,
                              Optional<Instant> nextRenewal) {
        /**
         * Checks the values.
         *
         * @param name        the certificate
         * @param keyType     the key type
         * @param notAfter    expiry, or empty
         * @param nextRenewal renewal time, or empty
         */
        public CertificateFigures {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(keyType, "keyType");
            Objects.requireNonNull(notAfter, "notAfter");
            Objects.requireNonNull(nextRenewal, "nextRenewal");
        }
    }

    /**
     * Everything published after a run.
     *
     * @param run          how the run went
     * @param certificates the figures of every configured certificate and key type, in configuration order
     */
    record Snapshot(RunHistory.RunSummary run, List<CertificateFigures> certificates) {
        /**
         * Copies the list.
         *
         * @param run          how the run went
         * @param certificates the figures
         */
        public Snapshot {
            Objects.requireNonNull(run, "run");
            certificates = List.copyOf(certificates);
        }
    }

    /**
     * Publishes a snapshot, replacing the previous one.
     *
     * @param snapshot the figures
     * @throws StoreException when they cannot be published
     */
    void write(Snapshot snapshot) throws StoreException;
}
