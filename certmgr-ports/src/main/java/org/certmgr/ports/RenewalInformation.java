package org.certmgr.ports;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.RenewalInfo;
import org.certmgr.ports.out.RenewalInfoStore;
import org.certmgr.ports.out.StoreException;

/**
 * The CA's suggested renewal windows (ACME Renewal Information, RFC 9773), asked for only when
 * what is stored has passed its Retry-After. Right after issuing, the new certificates' windows
 * are asked for while the session is open anyway, which also records a CA that offers none: a
 * run with nothing due then contacts no CA until the stored answer is stale.
 */
final class RenewalInformation {
    private final AccountSessions accounts;
    private final RenewalInfoStore store;
    private final Clock clock;

    RenewalInformation(AccountSessions accounts, RenewalInfoStore store, Clock clock) {
        this.accounts = accounts;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Returns the CA's window for each installed key type. Never fails the certificate: what
     * cannot be learnt leaves the lifetime rule alone in charge, with a note.
     */
    Map<KeyType, Optional<RenewalWindow>> windows(CertificateSpec spec, InstalledState state, List<String> notes)
            throws InterruptedException {
        Map<KeyType, Optional<RenewalWindow>> windows = new EnumMap<>(KeyType.class);
        for (KeyType type : spec.keys().keySet()) {
            Optional<InstalledState.Installed> installed = state.get(type);
            if (installed.isEmpty()) {
                windows.put(type, Optional.empty());
                continue;
            }
            X509Certificate leaf = installed.get().chain().get(0);
            try {
                windows.put(type, window(spec, type, leaf));
            } catch (CertmgrException | CaException | StoreException e) {
                notes.add("no renewal information for the " + type + " certificate (" + e.getMessage()
                        + "); renewing by its lifetime");
                windows.put(type, Optional.empty());
            }
        }
        return windows;
    }

    private Optional<RenewalWindow> window(CertificateSpec spec, KeyType type, X509Certificate leaf)
            throws CertmgrException, CaException, StoreException, InterruptedException {
        String id = id(leaf);
        Optional<RenewalInfoStore.Entry> stored = store.get(spec.name(), type);
        Instant now = clock.instant();
        if (stored.isPresent() && stored.get().certificateId().equals(id) && now.isBefore(stored.get().fetchAgainAfter())) {
            return stored.get().window();
        }
        return fetch(spec, type, leaf, now).window();
    }

    /**
     * Returns the stored window of a certificate when the stored answer is about that
     * certificate and still fresh, as {@link #windows} would use it without asking the CA.
     *
     * @param serial the certificate's serial number in hexadecimal ({@link #id})
     * @return empty when the CA would have to be asked; else the window, itself empty when the
     *         CA gave none
     */
    Optional<Optional<RenewalWindow>> storedWindow(CertificateSpec spec, KeyType type, String serial) {
        try {
            Optional<RenewalInfoStore.Entry> stored = store.get(spec.name(), type);
            if (stored.isPresent() && stored.get().certificateId().equals(serial)
                    && clock.instant().isBefore(stored.get().fetchAgainAfter())) {
                return Optional.of(stored.get().window());
            }
        } catch (StoreException e) {
            // Unreadable: the full path asks again and reports it.
        }
        return Optional.empty();
    }

    /** Records the new certificates' windows; a failure only means asking at a later run. */
    void recordIssued(CertificateSpec spec, Map<KeyType, X509Certificate> leaves, List<String> notes)
            throws InterruptedException {
        for (Map.Entry<KeyType, X509Certificate> e : leaves.entrySet()) {
            try {
                fetch(spec, e.getKey(), e.getValue(), clock.instant());
            } catch (CertmgrException | CaException | StoreException ex) {
                notes.add("no renewal information yet for the new " + e.getKey() + " certificate (" + ex.getMessage()
                        + ")");
            }
        }
    }

    private RenewalInfoStore.Entry fetch(CertificateSpec spec, KeyType type, X509Certificate leaf, Instant now)
            throws CertmgrException, CaException, StoreException, InterruptedException {
        Optional<RenewalInfo> info = accounts.session().renewalInfo(leaf, now);
        RenewalInfoStore.Entry entry = info
                .map(i -> new RenewalInfoStore.Entry(id(leaf), Optional.of(i.window()), i.fetchAgainAfter()))
                // A CA without renewal information is believed for this certificate's whole life: the
                // next issuance (a session that is open anyway) asks again.
                .orElseGet(() -> new RenewalInfoStore.Entry(id(leaf), Optional.empty(),
                        leaf.getNotAfter().toInstant()));
        store.put(spec.name(), type, entry);
        return entry;
    }

    /** The id under which renewal information about a certificate is stored: its serial number in hex. */
    static String id(X509Certificate leaf) {
        return leaf.getSerialNumber().toString(16);
    }
}
