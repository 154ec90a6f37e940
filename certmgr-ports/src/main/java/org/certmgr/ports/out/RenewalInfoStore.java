package org.certmgr.ports.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.RenewalWindow;

/**
 * Keeps what the CA said about renewing each installed certificate (RFC 9773) between runs, so
 * that a cron job asks only when the CA's Retry-After has passed, and never asks a CA that
 * offers no renewal information.
 *
 * <p>Contract: {@link #get} MUST return what the last {@link #put} stored for that certificate
 * and key type, or empty; an entry that cannot be read MUST be reported as absent.
 */
public interface RenewalInfoStore {

    /** Keeps nothing: renewal information is then asked for at every run that logs in. */
    RenewalInfoStore NONE = new RenewalInfoStore() {
        @Override
        public Optional<Entry> get(CertificateName name, KeyType type) {
            return Optional.empty();
        }

        @Override
        public void put(CertificateName name, KeyType type, Entry entry) {
        }
    };

    /**
     * What is known about one installed certificate.
     *
     * @param certificateId   which certificate it is about (e.g. its serial number), so that a new
     *                        certificate never inherits the old one's window
     * @param window          the CA's suggested window, or empty when the CA offers no renewal information
     * @param fetchAgainAfter when to ask the CA again
     */
    record Entry(String certificateId, Optional<RenewalWindow> window, Instant fetchAgainAfter) {
        /**
         * Checks the values.
         *
         * @param certificateId which certificate
         * @param window the window, or empty
         * @param fetchAgainAfter when to ask again
         */
        public Entry {
            Objects.requireNonNull(certificateId, "certificateId");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(fetchAgainAfter, "fetchAgainAfter");
        }
    }

    /**
     * Returns what is stored for a certificate's key type.
     *
     * @param name the certificate
     * @param type the key type
     * @return the entry, or empty
     * @throws StoreException when the store cannot be read at all
     */
    Optional<Entry> get(CertificateName name, KeyType type) throws StoreException;

    /**
     * Stores an entry, replacing the previous one.
     *
     * @param name  the certificate
     * @param type  the key type
     * @param entry the entry
     * @throws StoreException when it cannot be stored
     */
    void put(CertificateName name, KeyType type, Entry entry) throws StoreException;
}
