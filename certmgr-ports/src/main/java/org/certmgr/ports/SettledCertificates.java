package org.certmgr.ports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.RenewalDecision;
import org.certmgr.domain.RenewalPlanner;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.SettledStore;
import org.certmgr.ports.out.StoreException;

/**
 * The shortcut for certificates with nothing to do: when a full update found a certificate
 * settled, what it learnt from the files (names, dates, key) is remembered with the files'
 * version and a digest of the configuration. While both stay the same, a later run decides
 * from that with the same {@link RenewalPlanner} — time moves on, the decision is made afresh
 * — without reading, parsing or opening a single file; anything due, or any doubt, takes the
 * full path.
 *
 * <p>Only certificates whose outcome depends on nothing else are remembered: unencrypted keys
 * (a passphrase change must re-encrypt), no OCSP response (its refresh depends on its content)
 * and no Certificate Transparency logs; and only after a run that changed, warned and failed
 * about nothing.
 */
final class SettledCertificates {
    private final SettledStore settled;
    private final CertificateStore store;
    private final RenewalInformation renewalInformation;
    private final Clock clock;
    private final String settings;

    /**
     * Creates the shortcut.
     *
     * @param settings the run's settings that shape every certificate's files beyond its own
     *                 specification (e.g. the root certificates), as text
     */
    SettledCertificates(SettledStore settled, CertificateStore store, RenewalInformation renewalInformation,
                        Clock clock, String settings) {
        this.settled = settled;
        this.store = store;
        this.renewalInformation = renewalInformation;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Returns what is remembered of a certificate, when its files and its configuration are still
     * those it was remembered with.
     *
     * @return each key type's entry; empty when the files must be read
     */
    Optional<Map<KeyType, SettledStore.KeyTypeEntry>> entries(CertificateSpec spec) {
        if (!eligible(spec)) {
            return Optional.empty();
        }
        try {
            Optional<SettledStore.Settled> memo = settled.get(spec.name());
            if (memo.isEmpty() || !memo.get().fingerprint().equals(fingerprint(spec))
                    || !memo.get().keyTypes().keySet().equals(spec.keys().keySet())) {
                return Optional.empty();
            }
            Optional<String> version = store.version(spec.name());
            if (version.isEmpty() || !memo.get().filesVersion().equals(digest(version.get()))) {
                return Optional.empty();
            }
            return Optional.of(memo.get().keyTypes());
        } catch (StoreException e) {
            // A cache that cannot be read: the files are read instead.
            return Optional.empty();
        }
    }

    /**
     * Decides about a certificate from what is remembered.
     *
     * @return the decisions, none of which renews; empty when the full path must decide
     */
    Optional<Map<KeyType, RenewalDecision>> decide(CertificateSpec spec) {
        Optional<Map<KeyType, SettledStore.KeyTypeEntry>> entries = entries(spec);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        Map<KeyType, RenewalDecision> decisions = new EnumMap<>(KeyType.class);
        for (Map.Entry<KeyType, SettledStore.KeyTypeEntry> e : entries.get().entrySet()) {
            Optional<Optional<RenewalWindow>> window = renewalInformation.storedWindow(spec, e.getKey(),
                    e.getValue().serial());
            if (window.isEmpty()) {
                return Optional.empty();
            }
            RenewalDecision decision = RenewalPlanner.decide(spec, e.getKey(), Optional.of(e.getValue().description()),
                    clock.instant(), false, window.get());
            if (decision.renew()) {
                return Optional.empty();
            }
            decisions.put(e.getKey(), decision);
        }
        return Optional.of(decisions);
    }

    /**
     * Remembers a certificate after a full update, when the run found it settled.
     *
     * @param state    what was installed, as the run read it
     * @param current  the installed files
     * @param outcome  how the run went for it
     */
    void remember(CertificateSpec spec, InstalledState state, Optional<FileSet> current,
                  Map<KeyType, RenewalDecision> decisions, CertificateOutcome outcome) {
        if (!eligible(spec) || current.isEmpty() || outcome.failed() || outcome.changed()
                || !outcome.warnings().isEmpty() || !outcome.actions().isEmpty()
                || decisions.values().stream().anyMatch(RenewalDecision::renew)) {
            return;
        }
        Map<KeyType, SettledStore.KeyTypeEntry> entries = new EnumMap<>(KeyType.class);
        for (KeyType type : spec.keys().keySet()) {
            Optional<InstalledState.Installed> installed = state.get(type);
            if (installed.isEmpty() || current.get().text(CertificateFiles.ocsp(type)).isPresent()) {
                return;
            }
            entries.put(type, new SettledStore.KeyTypeEntry(installed.get().description(),
                    RenewalInformation.id(installed.get().chain().get(0))));
        }
        try {
            Optional<String> version = store.version(spec.name());
            if (version.isPresent()) {
                settled.put(spec.name(), new SettledStore.Settled(digest(version.get()), fingerprint(spec), entries));
            }
        } catch (StoreException e) {
            // Only a cache: the next run reads the files again.
        }
    }

    private static boolean eligible(CertificateSpec spec) {
        return spec.keyPassphrase() instanceof Passphrase.None && spec.ctSubmitLogs().isEmpty();
    }

    /**
     * The specification as text in a fixed order: records print their maps in an order that can
     * differ between runs, so each part is spelt out.
     */
    private String fingerprint(CertificateSpec spec) {
        StringBuilder text = new StringBuilder(settings).append('\n')
                .append(spec.name()).append('\n').append(spec.altNames()).append('\n');
        for (KeyType type : KeyType.values()) {
            if (spec.keys().containsKey(type)) {
                text.append(type.id()).append('=').append(spec.keys().get(type)).append('\n');
            }
        }
        text.append(spec.services()).append('\n').append(spec.dhparamSize()).append(' ').append(spec.ecparamCurve())
                .append(' ').append(spec.dhparamGenerate()).append('\n').append(spec.ocspMustStaple()).append(' ')
                .append(spec.ocspEnabled()).append(' ').append(spec.ocspResponderUrls()).append('\n')
                .append(spec.renewal()).append(' ').append(spec.profile());
        return digest(text.toString());
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
