package org.certmgr.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;

/**
 * Remembers, between runs, that the CA asked not to be asked again for a certificate before
 * some time (a rate limit with Retry-After), so that an hourly cron job does not hammer it.
 *
 * <p>Contract: a hold MUST survive until {@link #release} (for a file-system implementation:
 * across processes); {@link #current} of a certificate never held MUST be empty; a hold that
 * cannot be read MUST be reported as absent rather than block the certificate forever.
 */
public interface RetryHolds {

    /** Remembers nothing: every run may ask the CA again. */
    RetryHolds NONE = new RetryHolds() {
        @Override
        public Optional<Hold> current(CertificateName name) {
            return Optional.empty();
        }

        @Override
        public void hold(CertificateName name, Hold hold) {
        }

        @Override
        public void release(CertificateName name) {
        }
    };

    /**
     * A request of the CA to wait.
     *
     * @param until  not before this instant
     * @param reason what the CA said
     */
    record Hold(Instant until, String reason) {
        /**
         * Checks the values.
         *
         * @param until not before this instant
         * @param reason what the CA said
         */
        public Hold {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Returns the hold of a certificate.
     *
     * @param name the certificate
     * @return its hold, possibly already past, or empty
     * @throws StoreException when the holds cannot be read at all
     */
    Optional<Hold> current(CertificateName name) throws StoreException;

    /**
     * Records a hold, replacing any earlier one.
     *
     * @param name the certificate
     * @param hold the hold
     * @throws StoreException when it cannot be recorded
     */
    void hold(CertificateName name, Hold hold) throws StoreException;

    /**
     * Forgets the hold of a certificate, if any.
     *
     * @param name the certificate
     * @throws StoreException when it cannot be removed
     */
    void release(CertificateName name) throws StoreException;
}
