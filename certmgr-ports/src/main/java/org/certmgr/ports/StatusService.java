package org.certmgr.ports;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.RenewalDecision;
import org.certmgr.domain.RenewalPlanner;
import org.certmgr.domain.RenewalTime;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.in.CertificateStatus;
import org.certmgr.ports.in.KeyTypeStatus;
import org.certmgr.ports.in.KeyTypeStatus.Basis;
import org.certmgr.ports.in.KeyTypeStatus.Condition;
import org.certmgr.ports.in.KeyTypeStatus.NextRenewal;
import org.certmgr.ports.in.KeyTypeStatus.OcspState;
import org.certmgr.ports.in.ShowStatus;
import org.certmgr.ports.in.StatusReport;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.OcspException;
import org.certmgr.ports.out.OcspResponse;
import org.certmgr.ports.out.RenewalInfoStore;
import org.certmgr.ports.out.RetryHolds;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.SettledStore;
import org.certmgr.ports.out.StoreException;

/**
 * The {@code status} use case, and the figures published after each run: reads the installed
 * files, the stored renewal information, retry holds and run history, and asks the domain's
 * {@link RenewalPlanner} exactly as {@code update} does, so that status says what {@code update}
 * would decide now. Nothing is contacted and nothing is written.
 *
 * <p>Private keys are opened only when stored unencrypted: an encrypted key is never decrypted
 * (no passphrase is asked for), and its certificate is then described from its public key, so
 * that a key that does not match its certificate goes unnoticed until {@code update} opens it.
 */
final class StatusService implements ShowStatus {
    /** The parts status reads. */
    record Parts(Configuration configuration, CertificateStore store, KeyMaterial keys, RenewalInfoStore renewalInfo,
                 RetryHolds holds, OcspClient ocsp, RunHistory history, Clock clock) {
    }

    private final Parts parts;

    StatusService(Parts parts) {
        this.parts = parts;
    }

    @Override
    public StatusReport status(List<String> names) {
        List<CertificateSpec> selected;
        try {
            selected = parts.configuration().select(names);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Instant now = parts.clock().instant();
        Optional<RunHistory.RunSummary> lastRun;
        try {
            lastRun = parts.history().lastRun();
        } catch (StoreException e) {
            lastRun = Optional.empty();
        }
        // Each certificate is read on its own (the ports are safe for concurrent use): spread over the cores.
        List<CertificateStatus> certificates = selected.parallelStream().map(spec -> certificate(spec, now)).toList();
        return new StatusReport(now, lastRun, certificates);
    }

    /**
     * Returns what is published after a run: the figures of every configured certificate,
     * those of a settled certificate from what the run remembered, without reading its files.
     *
     * @param run                 how the run went
     * @param settledCertificates what runs remembered of settled certificates
     * @return the snapshot
     */
    MetricsWriter.Snapshot figures(RunHistory.RunSummary run, SettledCertificates settledCertificates) {
        Instant now = parts.clock().instant();
        List<MetricsWriter.CertificateFigures> figures = new ArrayList<>();
        for (CertificateSpec spec : parts.configuration().select(List.of())) {
            // A settled certificate's figures come from what the run remembered: its files are not read again.
            Optional<Map<KeyType, SettledStore.KeyTypeEntry>> settled = settledCertificates.entries(spec);
            if (settled.isPresent()) {
                settled.get().forEach((type, entry) -> figures.add(new MetricsWriter.CertificateFigures(spec.name(),
                        type, Optional.of(entry.description().notAfter()), Optional.of(plan(spec, type,
                        entry.description(), storedWindow(spec, type, entry.serial()), Optional.empty(), now)
                        .next().at()))));
                continue;
            }
            for (KeyTypeStatus k : certificate(spec, now).keyTypes()) {
                boolean installed = k.notAfter().isPresent();
                figures.add(new MetricsWriter.CertificateFigures(spec.name(), k.keyType(), k.notAfter(),
                        installed ? Optional.of(k.nextRenewal().at()) : Optional.empty()));
            }
        }
        return new MetricsWriter.Snapshot(run, figures);
    }

    private CertificateStatus certificate(CertificateSpec spec, Instant now) {
        Optional<RunHistory.CertificateRun> lastRun;
        try {
            lastRun = parts.history().lastRun(spec.name());
        } catch (StoreException e) {
            lastRun = Optional.empty();
        }
        Optional<RetryHolds.Hold> hold;
        try {
            hold = parts.holds().current(spec.name()).filter(h -> now.isBefore(h.until()));
        } catch (StoreException e) {
            hold = Optional.empty();
        }
        Optional<FileSet> files;
        Optional<String> error = Optional.empty();
        try {
            files = parts.store().current(spec.name());
        } catch (StoreException e) {
            files = Optional.empty();
            error = Optional.of(e.getMessage());
        }
        List<KeyTypeStatus> keyTypes = new ArrayList<>();
        for (KeyType type : spec.keys().keySet()) {
            keyTypes.add(keyType(spec, type, files.orElse(FileSet.of(java.util.Map.of())), hold, now));
        }
        return new CertificateStatus(spec.name(), spec.altNames(), lastRun, keyTypes, error);
    }

    private KeyTypeStatus keyType(CertificateSpec spec, KeyType type, FileSet files, Optional<RetryHolds.Hold> hold,
                                  Instant now) {
        int sctExpected = spec.ctSubmitLogs().size();
        int sctCount = (int) files.paths().stream()
                .filter(p -> p.startsWith(type.id() + "/scts/") && p.endsWith(".sct")).count();
        Optional<String> certPem = files.text(CertificateFiles.cert(type));
        Optional<String> keyPem = files.text(CertificateFiles.key(type));
        if (certPem.isEmpty() || keyPem.isEmpty()) {
            RenewalDecision decision = RenewalPlanner.decide(spec, type, Optional.empty(), now, false);
            return new KeyTypeStatus(type, Condition.NOT_INSTALLED, Optional.empty(), Optional.empty(),
                    immediate(decision.reason(), now, Optional.empty(), hold), OcspState.NOTHING, sctCount,
                    sctExpected);
        }
        List<X509Certificate> chain;
        try {
            chain = parts.keys().decodeCertificates(certPem.get());
        } catch (KeyMaterialException e) {
            return unreadable(type, "the installed " + type + " files cannot be read (" + e.getMessage() + ")",
                    Optional.empty(), now, hold, sctCount, sctExpected);
        }
        if (chain.isEmpty()) {
            return unreadable(type, CertificateFiles.cert(type) + " holds no certificate", Optional.empty(), now,
                    hold, sctCount, sctExpected);
        }
        X509Certificate leaf = chain.get(0);
        InstalledCertificate installed;
        try {
            installed = parts.keys().describe(type, leaf, key(keyPem.get(), leaf));
        } catch (KeyMaterialException e) {
            return unreadable(type, "the installed " + type + " files cannot be read (" + e.getMessage() + ")",
                    Optional.of(leaf), now, hold, sctCount, sctExpected);
        } catch (InvalidValueException e) {
            return unreadable(type, "the installed " + type + " key is not usable (" + e.getMessage() + ")",
                    Optional.of(leaf), now, hold, sctCount, sctExpected);
        }
        Plan plan = plan(spec, type, installed, storedWindow(spec, type, RenewalInformation.id(leaf)), hold, now);
        Condition condition = !now.isBefore(installed.notAfter()) ? Condition.EXPIRED
                : plan.renew() ? Condition.RENEWAL_DUE : Condition.VALID;
        return new KeyTypeStatus(type, condition, Optional.of(installed.notBefore()), Optional.of(installed.notAfter()),
                plan.next(), ocsp(spec, type, chain, files), sctCount, sctExpected);
    }

    /** What update would decide about an installed certificate now, and when it renews it. */
    private record Plan(boolean renew, NextRenewal next) {
    }

    private static Plan plan(CertificateSpec spec, KeyType type, InstalledCertificate installed,
                             Optional<RenewalWindow> window, Optional<RetryHolds.Hold> hold, Instant now) {
        RenewalDecision decision = RenewalPlanner.decide(spec, type, Optional.of(installed), now, false, window);
        RenewalTime time = RenewalPlanner.renewalTime(spec.renewal(), installed, type, window);
        Basis byTime = time.suggestedByCa() ? Basis.ARI : Basis.LIFETIME;
        if (decision.renew() && now.isBefore(time.at())) {
            return new Plan(true, immediate(decision.reason(), now, window, hold));
        }
        return new Plan(decision.renew(), new NextRenewal(time.at(), decision.renew(), byTime, decision.reason(),
                window, hold.map(RetryHolds.Hold::until), hold.map(RetryHolds.Hold::reason)));
    }

    /** The installed key, or only the certificate's public key when the stored key is encrypted. */
    private KeyPair key(String keyPem, X509Certificate leaf) throws KeyMaterialException {
        if (parts.keys().isEncrypted(keyPem)) {
            return new KeyPair(leaf.getPublicKey(), null);
        }
        return parts.keys().decodePrivateKey(keyPem, Optional.empty());
    }

    private static KeyTypeStatus unreadable(KeyType type, String reason, Optional<X509Certificate> leaf, Instant now,
                                            Optional<RetryHolds.Hold> hold, int sctCount, int sctExpected) {
        // update replaces unreadable files at once, with this very reason.
        return new KeyTypeStatus(type, Condition.UNREADABLE, leaf.map(l -> l.getNotBefore().toInstant()),
                leaf.map(l -> l.getNotAfter().toInstant()), immediate(reason, now, Optional.empty(), hold),
                OcspState.NOTHING, sctCount, sctExpected);
    }

    private static NextRenewal immediate(String reason, Instant now, Optional<RenewalWindow> window,
                                         Optional<RetryHolds.Hold> hold) {
        return new NextRenewal(now, true, Basis.CHANGE, reason, window, hold.map(RetryHolds.Hold::until),
                hold.map(RetryHolds.Hold::reason));
    }

    /** The stored ARI window of this very certificate; update asks the CA again once it is stale. */
    private Optional<RenewalWindow> storedWindow(CertificateSpec spec, KeyType type, String serial) {
        try {
            return parts.renewalInfo().get(spec.name(), type)
                    .filter(entry -> entry.certificateId().equals(serial))
                    .flatMap(RenewalInfoStore.Entry::window);
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    /** Mirrors {@link OcspRefresher}: which responder applies, and what the stored response says. */
    private OcspState ocsp(CertificateSpec spec, KeyType type, List<X509Certificate> chain, FileSet files) {
        if (!spec.ocspEnabled()) {
            return new OcspState(OcspState.Kind.DISABLED, Optional.empty(), Optional.empty());
        }
        if (chain.size() < 2 || parts.ocsp().responderUrls(chain.get(0)).isEmpty()
                && spec.ocspResponderUrls().isEmpty()) {
            return new OcspState(OcspState.Kind.NO_RESPONDER, Optional.empty(), Optional.empty());
        }
        Optional<byte[]> der = files.content(CertificateFiles.ocsp(type));
        if (der.isEmpty()) {
            return OcspState.NOTHING;
        }
        try {
            OcspResponse response = parts.ocsp().read(der.get(), chain.get(0), chain.get(1));
            OcspState.Kind kind = switch (response.status()) {
                case GOOD -> OcspState.Kind.GOOD;
                case REVOKED -> OcspState.Kind.REVOKED;
                default -> OcspState.Kind.UNKNOWN;
            };
            return new OcspState(kind, Optional.of(response.thisUpdate()), response.nextUpdate());
        } catch (OcspException e) {
            return new OcspState(OcspState.Kind.INVALID, Optional.empty(), Optional.empty());
        }
    }
}
