package org.certmgr.ports.out;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeyType;

/**
 * Remembers certificates that a run found settled — installed, readable, matching the
 * configuration, with nothing to do — so that later runs can decide about them without reading
 * and parsing their files again, as long as neither the files nor the configuration changed.
 * It is a cache: losing an entry only costs the next run one full read.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #get} MUST return what the last {@link #put} stored for that certificate, or empty
 *       when nothing was stored.</li>
 *   <li>An entry that cannot be read, or that another version of the program wrote, MUST read as
 *       absent, not as an error.</li>
 *   <li>A file-system implementation MUST replace each entry atomically and keep entries across
 *       processes.</li>
 * </ul>
 */
public interface SettledStore {

    /** Remembers nothing: every run reads every certificate's files. */
    SettledStore NONE = new SettledStore() {
        @Override
        public Optional<Settled> get(CertificateName name) {
            return Optional.empty();
        }

        @Override
        public void put(CertificateName name, Settled settled) {
        }
    };

    /**
     * What was installed for one key type of a settled certificate.
     *
     * @param description what the renewal decision needs
     * @param serial      the certificate's serial number in hexadecimal, under which the CA's
     *                    renewal information about it is stored
     */
    record KeyTypeEntry(InstalledCertificate description, String serial) {
        /**
         * Checks the values.
         *
         * @param description what the renewal decision needs
         * @param serial      the serial number in hexadecimal
         */
        public KeyTypeEntry {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(serial, "serial");
        }
    }

    /**
     * A certificate found settled.
     *
     * @param filesVersion what {@link CertificateStore#version} said of its files then
     * @param fingerprint  a digest of the configuration that decides its files
     * @param keyTypes     each installed key type
     */
    record Settled(String filesVersion, String fingerprint, Map<KeyType, KeyTypeEntry> keyTypes) {
        /**
         * Checks and copies the values.
         *
         * @param filesVersion the files' version
         * @param fingerprint  the configuration's digest
         * @param keyTypes     each installed key type
         */
        public Settled {
            Objects.requireNonNull(filesVersion, "filesVersion");
            Objects.requireNonNull(fingerprint, "fingerprint");
            keyTypes = java.util.Collections.unmodifiableMap(new EnumMap<>(keyTypes));
        }
    }

    /**
     * Returns what was stored for a certificate.
     *
     * @param name the certificate
     * @return the entry, or empty
     * @throws StoreException when the store cannot be read at all
     */
    Optional<Settled> get(CertificateName name) throws StoreException;

    /**
     * Stores an entry, replacing any earlier one.
     *
     * @param name    the certificate
     * @param settled the entry
     * @throws StoreException when it cannot be written
     */
    void put(CertificateName name, Settled settled) throws StoreException;
}
