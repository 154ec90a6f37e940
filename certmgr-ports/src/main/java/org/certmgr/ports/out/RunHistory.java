package org.certmgr.ports.out;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;

/**
 * Remembers how the last {@code update} run went, for each certificate and for the run as a
 * whole, so that {@code status} and the metrics can tell it later without contacting anything.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #lastRun(CertificateName)} MUST return what the last {@link #record} stored for that
 *       certificate, or empty for a certificate never recorded; certificates not named in a later
 *       {@code record} keep their entry.</li>
 *   <li>{@link #lastRun()} MUST return the summary of the last {@link #record}, or empty.</li>
 *   <li>A file-system implementation MUST keep entries across processes and MUST replace each
 *       entry atomically: a reader sees the old or the new entry, never a part.</li>
 *   <li>An entry that cannot be read MUST be reported as absent, not as an error.</li>
 * </ul>
 */
public interface RunHistory {

    /** Remembers nothing: every certificate reads as never run. */
    RunHistory NONE = new RunHistory() {
        @Override
        public Optional<CertificateRun> lastRun(CertificateName name) {
            return Optional.empty();
        }

        @Override
        public Optional<RunSummary> lastRun() {
            return Optional.empty();
        }

        @Override
        public void record(RunSummary run, Map<CertificateName, CertificateRun> certificates) {
        }
    };

    /**
     * How the last run went for one certificate.
     *
     * @param at          when the run ended
     * @param failure     why the certificate failed (its short reason), or empty when it succeeded
     * @param lastSuccess when it last succeeded: {@code at} itself on success, an earlier run's
     *                    time after a failure, or empty when it never succeeded
     */
    record CertificateRun(Instant at, Optional<String> failure, Optional<Instant> lastSuccess) {
        /**
         * Checks the values; a failure reason is kept on one line.
         *
         * @param at          when the run ended
         * @param failure     why it failed, or empty
         * @param lastSuccess when it last succeeded, or empty
         */
        public CertificateRun {
            Objects.requireNonNull(at, "at");
            failure = failure.map(f -> f.replace('\n', ' ').replace('\r', ' '));
            Objects.requireNonNull(lastSuccess, "lastSuccess");
        }

        /**
         * Tells whether the certificate succeeded.
         *
         * @return true when no failure is recorded
         */
        public boolean ok() {
            return failure.isEmpty();
        }
    }

    /**
     * How the last run went as a whole.
     *
     * @param at           when it ended
     * @param certificates how many certificates it processed
     * @param failed       how many of them failed
     * @param lastSuccess  when a run last ended with no failed certificate: {@code at} itself when
     *                     {@code failed} is 0, else an earlier run's time, or empty when none did
     */
    record RunSummary(Instant at, int certificates, int failed, Optional<Instant> lastSuccess) {
        /**
         * Checks the values.
         *
         * @param at           when it ended
         * @param certificates how many certificates it processed
         * @param failed       how many of them failed
         * @param lastSuccess  when a run last had no failure, or empty
         */
        public RunSummary {
            Objects.requireNonNull(at, "at");
            if (certificates < 0 || failed < 0 || failed > certificates) {
                throw new IllegalArgumentException("a run cannot fail " + failed + " of " + certificates
                        + " certificates");
            }
            Objects.requireNonNull(lastSuccess, "lastSuccess");
        }
    }

    /**
     * Returns how the last run went for a certificate.
     *
     * @param name the certificate
     * @return its entry, or empty when it was never recorded (or cannot be read)
     * @throws StoreException when the history cannot be read at all
     */
    Optional<CertificateRun> lastRun(CertificateName name) throws StoreException;

    /**
     * Returns how the last run went as a whole.
     *
     * @return its summary, or empty when no run was recorded (or it cannot be read)
     * @throws StoreException when the history cannot be read at all
     */
    Optional<RunSummary> lastRun() throws StoreException;

    /**
     * Records a run: its summary and the entry of each certificate it processed.
     *
     * @param run          the summary
     * @param certificates the processed certificates' entries
     * @throws StoreException when it cannot be recorded
     */
    void record(RunSummary run, Map<CertificateName, CertificateRun> certificates) throws StoreException;
}
