package org.certmgr.ports;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.RenewalDecision;
import org.certmgr.domain.RenewalPlanner;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.in.UpdateScope;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CaRateLimitedException;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.CommitResult;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.ports.out.RetryHolds;
import org.certmgr.ports.out.StoreException;

/**
 * Brings one certificate up to date: decides per key type, issues what is due (key types in
 * parallel), renders the complete file set from its parts and installs it in one transaction,
 * then runs the file hooks. Within the run's scope it also keeps each key type's OCSP response
 * and SCTs: a failure there is a warning and keeps the installed file. Any other failure
 * before the commit leaves the installed files as they were and becomes the outcome's error.
 */
final class CertificateUpdater {
    /** The parts an update works with; the executors and the clock come from the run. */
    record Parts(KeyMaterial keys, CertificateStore store, AccountSessions accounts, ChallengeResponder responder,
                 KeyUnlocker unlocker, FileSetRenderer renderer, InstallHooks hooks, AcmeTiming timing, Clock clock,
                 Optional<Duration> archiveRetention, OcspRefresher ocsp, SctCollector scts, RetryHolds holds,
                 RenewalInformation renewalInformation, SettledCertificates settled) {
    }

    /** How a revoked certificate's warning starts, loud on purpose. */
    static final String REVOKED = "REVOKED: ";

    private final Parts parts;
    private final Executor keyTypeExecutor;
    private final Executor keyGenerationExecutor;

    CertificateUpdater(Parts parts, Executor keyTypeExecutor, Executor keyGenerationExecutor) {
        this.parts = parts;
        this.keyTypeExecutor = keyTypeExecutor;
        this.keyGenerationExecutor = keyGenerationExecutor;
    }

    /** A new key and the chain the CA issued for it. */
    private record Issued(KeyPair key, List<X509Certificate> chain) {
    }

    /**
     * Updates one certificate within a scope. Outside the certificate scopes only OCSP
     * responses or SCTs change, unless a responder reports a certificate revoked: it is then
     * renewed in the same run.
     */
    CertificateOutcome update(CertificateSpec spec, UpdateScope scope, boolean force, boolean answerChallenges)
            throws InterruptedException {
        // What a killed run left goes now, also when nothing is due and nothing will be committed.
        List<String> leftovers = new ArrayList<>();
        try {
            parts.store().recover(spec.name());
        } catch (StoreException e) {
            leftovers.add("what an interrupted run left was not removed: " + e.getMessage());
        }
        if (scope == UpdateScope.ALL && !force) {
            Optional<Map<KeyType, RenewalDecision>> settled = parts.settled().decide(spec);
            if (settled.isPresent()) {
                return outcome(spec, settled.get(), new CommitResult(List.of(), List.of()), List.of(), Optional.empty(),
                        housekeeping(spec)).withWarnings(leftovers);
            }
        }
        return updateRecovered(spec, scope, force, answerChallenges).withWarnings(leftovers);
    }

    private CertificateOutcome updateRecovered(CertificateSpec spec, UpdateScope scope, boolean force,
                                               boolean answerChallenges) throws InterruptedException {
        if (scope.certificates()) {
            return renew(spec, scope, force, answerChallenges, Map.of(), new ArrayList<>());
        }
        List<String> warnings = new ArrayList<>();
        try {
            Optional<FileSet> current = parts.store().current(spec.name());
            if (current.isEmpty()) {
                return outcome(spec, Map.of(), new CommitResult(List.of(), List.of()), List.of(), Optional.empty(),
                        Maintenance.NOTHING);
            }
            Map<String, byte[]> extras = new TreeMap<>();
            List<String> actions = new ArrayList<>();
            Map<KeyType, RenewalDecision> revoked = new EnumMap<>(KeyType.class);
            for (KeyType type : spec.keys().keySet()) {
                List<X509Certificate> chain = installedChain(current.get(), type);
                if (!chain.isEmpty()) {
                    extrasFor(spec, scope, type, chain, current.get(), true, extras, actions, warnings)
                            .ifPresent(reason -> revoked.put(type, reason));
                }
            }
            if (!revoked.isEmpty()) {
                // The full update asks again for the other key types: keep only the alarms.
                warnings.removeIf(w -> !w.startsWith(REVOKED));
                return renew(spec, scope, false, answerChallenges, revoked, warnings);
            }
            FileSet files = current.get().with(FileSet.of(extras));
            return install(spec, Map.of(), current, files, actions, Maintenance.NOTHING).withWarnings(warnings);
        } catch (StoreException e) {
            return outcome(spec, Map.of(), new CommitResult(List.of(), List.of()), List.of(),
                    Optional.of(e.getMessage()), Maintenance.NOTHING).withWarnings(warnings);
        }
    }

    /**
     * The full update: decides per key type (with {@code mustRenew} overriding; outside the
     * certificate scopes only {@code mustRenew} renews), issues, and within {@code scope}
     * refreshes OCSP responses and SCTs, then installs everything at once.
     */
    private CertificateOutcome renew(CertificateSpec spec, UpdateScope scope, boolean force, boolean answerChallenges,
                                     Map<KeyType, RenewalDecision> mustRenew, List<String> warnings)
            throws InterruptedException {
        Map<KeyType, RenewalDecision> decisions = new EnumMap<>(KeyType.class);
        List<String> actions = new ArrayList<>();
        try {
            Optional<FileSet> current = parts.store().current(spec.name());
            InstalledState state = InstalledState.read(current, spec, parts.keys(), parts.unlocker(), force);
            List<String> notes = new ArrayList<>();
            Map<KeyType, Optional<RenewalWindow>> windows = force || !scope.certificates() ? Map.of()
                    : parts.renewalInformation().windows(spec, state, notes);
            for (KeyType type : spec.keys().keySet()) {
                RenewalDecision decision = !scope.certificates()
                        ? new RenewalDecision(false, "not checked in this run (update --" + scope.name()
                                .toLowerCase(Locale.ROOT) + ")")
                        : state.unreadableReason(type)
                        .map(reason -> new RenewalDecision(true, reason))
                        .orElseGet(() -> RenewalPlanner.decide(spec, type, state.description(type),
                                parts.clock().instant(), force, windows.getOrDefault(type, Optional.empty())));
                decisions.put(type, decision.renew() ? decision : mustRenew.getOrDefault(type, decision));
            }
            Map<String, byte[]> extras = new TreeMap<>();
            FileSet installed = current.orElse(FileSet.of(Map.of()));
            for (KeyType type : spec.keys().keySet()) {
                if (!decisions.get(type).renew() && state.get(type).isPresent()) {
                    extrasFor(spec, scope, type, state.get(type).get().chain(), installed, false, extras, actions,
                            warnings)
                            .ifPresent(reason -> decisions.put(type, reason));
                }
            }
            Map<KeyType, Issued> issued = issueWithinHolds(spec, decisions, state, answerChallenges);
            if (!issued.isEmpty()) {
                Map<KeyType, X509Certificate> leaves = new EnumMap<>(KeyType.class);
                issued.forEach((type, i) -> leaves.put(type, i.chain().get(0)));
                parts.renewalInformation().recordIssued(spec, leaves, notes);
            }
            Map<KeyType, FileSetRenderer.KeyTypeParts> keyTypes = new EnumMap<>(KeyType.class);
            for (KeyType type : spec.keys().keySet()) {
                keyTypes.put(type, partsOf(spec, type, issued.get(type), state, actions));
            }
            for (Map.Entry<KeyType, Issued> e : issued.entrySet()) {
                extrasFor(spec, scope, e.getKey(), e.getValue().chain(), FileSet.of(Map.of()), false, extras,
                        actions, warnings).ifPresent(revoked -> warnings.add("the new " + e.getKey()
                        + " certificate is already reported revoked; it is installed anyway"));
            }
            Optional<String> params = scope.certificates() ? params(spec.params(), current, force, actions)
                    : current.flatMap(f -> f.text(CertificateFiles.params()));
            FileSet carried = carriedOver(spec, current, issued.keySet()).with(FileSet.of(extras));
            FileSet files = parts.renderer().render(keyTypes, params, carried);
            CertificateOutcome outcome = install(spec, decisions, current, files, actions,
                    housekeeping(spec).plus(new Maintenance(notes, List.of()))).withWarnings(warnings);
            if (scope == UpdateScope.ALL && !force && mustRenew.isEmpty()) {
                parts.settled().remember(spec, state, current, decisions, outcome);
            }
            return outcome;
        } catch (CertmgrException | StoreException | KeyMaterialException e) {
            return outcome(spec, decisions, new CommitResult(List.of(), List.of()), List.of(),
                    Optional.of(e.getMessage()), Maintenance.NOTHING).withWarnings(warnings);
        }
    }

    /** Commits the file set unless it equals what is installed, then runs the file hooks. */
    private CertificateOutcome install(CertificateSpec spec, Map<KeyType, RenewalDecision> decisions,
                                       Optional<FileSet> current, FileSet files, List<String> actions,
                                       Maintenance housekeeping) throws StoreException, InterruptedException {
        if (current.map(files::equals).orElse(false)) {
            return outcome(spec, decisions, new CommitResult(List.of(), List.of()), List.of(), Optional.empty(),
                    housekeeping);
        }
        Set<DnsName> aliases = new HashSet<>(spec.altNames());
        aliases.remove(spec.commonName());
        CommitResult result = parts.store().commit(spec.name(), files, aliases);
        List<String> hookWarnings = parts.hooks().run(spec.name(), result.written(), passphraseForHooks(spec));
        return outcome(spec, decisions, result, actions, Optional.empty(), housekeeping).withWarnings(hookWarnings);
    }

    /**
     * Refreshes the OCSP response and SCTs of one key type within the scope, adding new files to
     * {@code extras}, a line per new file to {@code actions} and problems to {@code warnings}.
     *
     * @return a renewal decision when the responder reports the certificate revoked
     */
    private Optional<RenewalDecision> extrasFor(CertificateSpec spec, UpdateScope scope, KeyType type,
                                                List<X509Certificate> chain, FileSet installed, boolean recheckScts,
                                                Map<String, byte[]> extras, List<String> actions,
                                                List<String> warnings)
            throws InterruptedException {
        Optional<RenewalDecision> revoked = Optional.empty();
        if (scope.ocsp()) {
            OcspRefresher.Result ocsp = parts.ocsp().refresh(spec, type, chain,
                    installed.content(CertificateFiles.ocsp(type)));
            ocsp.fresh().ifPresent(response -> {
                extras.put(CertificateFiles.ocsp(type), response.der());
                actions.add("new OCSP response for the " + type + " certificate" + response.nextUpdate()
                        .map(next -> " (next update " + next + ")").orElse(""));
            });
            warnings.addAll(ocsp.warnings());
            if (ocsp.revoked()) {
                warnings.add(REVOKED + "the OCSP responder reports the " + type + " certificate of " + spec.name()
                        + " (serial " + chain.get(0).getSerialNumber().toString(16) + ") revoked; it is renewed"
                        + " in this run");
                revoked = Optional.of(new RenewalDecision(true, "revoked, according to its OCSP responder"));
            }
        }
        if (scope.sct() && revoked.isEmpty()) {
            SctCollector.Result scts = parts.scts().collect(spec, type, chain, installed, recheckScts);
            extras.putAll(scts.fresh());
            scts.fresh().keySet().forEach(path -> actions.add("new SCT in " + path));
            warnings.addAll(scts.warnings());
        }
        return revoked;
    }

    /** The chain in a key type's cert.pem, empty when it is missing or unreadable. */
    private List<X509Certificate> installedChain(FileSet files, KeyType type) {
        Optional<String> pem = files.text(CertificateFiles.cert(type));
        if (pem.isEmpty()) {
            return List.of();
        }
        try {
            return parts.keys().decodeCertificates(pem.get());
        } catch (KeyMaterialException e) {
            return List.of();
        }
    }

    private FileSetRenderer.KeyTypeParts partsOf(CertificateSpec spec, KeyType type, Issued issued,
                                                 InstalledState state, List<String> actions) throws CertmgrException {
        String keyName = spec.name().toString();
        if (issued != null) {
            return new FileSetRenderer.KeyTypeParts(parts.unlocker().encode(issued.key(), spec.keyPassphrase(), keyName),
                    issued.chain());
        }
        InstalledState.Installed installed = state.get(type).orElseThrow();
        String keyPem = installed.keyPem();
        if (installed.key().reencode()) {
            keyPem = parts.unlocker().encode(installed.key().key(), spec.keyPassphrase(), keyName);
            actions.add(spec.keyPassphrase() instanceof Passphrase.None
                    ? "stored the " + type + " key unencrypted, as key_passphrase now says"
                    : "encrypted the " + type + " key with the configured passphrase");
        }
        return new FileSetRenderer.KeyTypeParts(keyPem, installed.chain());
    }

    /** Keeps the installed parameters while they match the settings: fresh DH primes take minutes. */
    private Optional<String> params(ParamsSpec spec, Optional<FileSet> current, boolean force, List<String> actions)
            throws KeyMaterialException {
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> installed = current.flatMap(f -> f.text(CertificateFiles.params()));
        if (installed.isPresent() && !force && parts.keys().parametersMatch(installed.get(), spec)) {
            return installed;
        }
        String fresh = parts.keys().parameters(spec);
        if (installed.isPresent() && !installed.get().equals(fresh)) {
            actions.add("new parameters in " + CertificateFiles.params());
        }
        return Optional.of(fresh);
    }

    /**
     * Files the renderer does not make that stay as they are: those of configured key types
     * that were not renewed (their OCSP responses, SCTs). Files of renewed key types belong to
     * the old certificate, and files of key types no longer configured are left out (the
     * store archives them).
     */
    private static FileSet carriedOver(CertificateSpec spec, Optional<FileSet> current, Set<KeyType> renewed) {
        Map<String, byte[]> kept = new TreeMap<>();
        current.ifPresent(files -> {
            for (String path : files.paths()) {
                if (FileSetRenderer.isRendered(path)) {
                    continue;
                }
                Optional<KeyType> owner = CertificateFiles.keyTypeOf(path);
                // OCSP turned off: a stapled old response would only mislead servers.
                boolean ocspOff = owner.isPresent() && !spec.ocspEnabled() && path.equals(CertificateFiles.ocsp(owner.get()));
                if (owner.isPresent() && spec.keys().containsKey(owner.get()) && !renewed.contains(owner.get())
                        && !ocspOff) {
                    kept.put(path, files.content(path).orElseThrow());
                }
            }
        });
        return FileSet.of(kept);
    }

    private Optional<char[]> passphraseForHooks(CertificateSpec spec) {
        try {
            return parts.unlocker().passphrase(spec.keyPassphrase(), spec.name().toString());
        } catch (CertmgrException e) {
            return Optional.empty();
        }
    }

    /** Deletes old archives; a failure here is a warning, never a failed certificate. */
    private Maintenance housekeeping(CertificateSpec spec) {
        if (parts.archiveRetention().isEmpty()) {
            return Maintenance.NOTHING;
        }
        try {
            return parts.store().deleteArchives(spec.name(), parts.clock().instant().minus(parts.archiveRetention().get()));
        } catch (StoreException e) {
            return new Maintenance(List.of(), List.of("old archives not deleted: " + e.getMessage()));
        }
    }

    /**
     * Issues what is due unless the CA asked to wait: a rate limit with Retry-After holds the
     * certificate until then, across runs, so that a frequent cron job does not make it worse.
     */
    private Map<KeyType, Issued> issueWithinHolds(CertificateSpec spec, Map<KeyType, RenewalDecision> decisions,
                                                  InstalledState state, boolean answerChallenges)
            throws CertmgrException, InterruptedException, StoreException {
        if (decisions.values().stream().noneMatch(RenewalDecision::renew)) {
            return Map.of();
        }
        Optional<RetryHolds.Hold> hold = parts.holds().current(spec.name());
        if (hold.isPresent() && parts.clock().instant().isBefore(hold.get().until())) {
            throw new CertmgrException("the CA asked not to be asked again before " + hold.get().until()
                    + " (" + hold.get().reason() + "); certmgr waits until then");
        }
        try {
            Map<KeyType, Issued> issued = issueDue(spec, decisions, state, answerChallenges);
            if (hold.isPresent()) {
                parts.holds().release(spec.name());
            }
            return issued;
        } catch (CertmgrException e) {
            if (e.getCause() instanceof CaRateLimitedException limited && limited.retryAfter().isPresent()) {
                parts.holds().hold(spec.name(), new RetryHolds.Hold(limited.retryAfter().get(), limited.getMessage()));
                throw new CertmgrException(e.getMessage() + "; certmgr will not ask again before "
                        + limited.retryAfter().get(), limited);
            }
            throw e;
        }
    }

    private Map<KeyType, Issued> issueDue(CertificateSpec spec, Map<KeyType, RenewalDecision> decisions,
                                          InstalledState state, boolean answerChallenges)
            throws CertmgrException, InterruptedException {
        // Keys first: their generation is the long part and needs no CA, so it runs while the
        // session is opened (which may wait for another certificate's login).
        Map<KeyType, CompletableFuture<KeyPair>> keys = new EnumMap<>(KeyType.class);
        for (Map.Entry<KeyType, RenewalDecision> e : decisions.entrySet()) {
            if (e.getValue().renew()) {
                KeyType type = e.getKey();
                String thread = spec.name() + " " + type + " key";
                keys.put(type, CompletableFuture.supplyAsync(
                        () -> TaskNames.get(thread, () -> parts.keys().generate(spec.keys().get(type))),
                        keyGenerationExecutor));
            }
        }
        AcmeSession session;
        try {
            session = parts.accounts().session();
        } catch (CertmgrException | InterruptedException | RuntimeException e) {
            keys.values().forEach(k -> k.cancel(true));
            throw e;
        }
        Map<KeyType, Future<Issued>> running = new LinkedHashMap<>();
        for (Map.Entry<KeyType, CompletableFuture<KeyPair>> e : keys.entrySet()) {
            KeyType type = e.getKey();
            // Announced to a CA with renewal information (RFC 9773 "replaces").
            Optional<X509Certificate> replaces = state.get(type).map(i -> i.chain().get(0));
            String thread = spec.name() + " " + type;
            running.put(type, e.getValue().thenApplyAsync(
                    k -> TaskNames.get(thread, () -> issue(session, spec, k, replaces, answerChallenges)),
                    keyTypeExecutor));
        }
        Map<KeyType, Issued> issued = new EnumMap<>(KeyType.class);
        CertmgrException first = null;
        for (Map.Entry<KeyType, Future<Issued>> e : running.entrySet()) {
            try {
                issued.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException ex) {
                if (first == null) {
                    first = asCertmgrException(e.getKey(), ex.getCause(), answerChallenges);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return issued;
    }

    private Issued issue(AcmeSession session, CertificateSpec spec, KeyPair key, Optional<X509Certificate> replaces,
                         boolean answerChallenges) {
        byte[] csr = parts.keys().createCsr(key, spec.altNames(), spec.ocspMustStaple());
        IssuedChain chain;
        try {
            chain = session.issue(new OrderRequest(spec.altNames(), csr, parts.timing(), answerChallenges,
                    spec.profile(), replaces), parts.responder());
        } catch (CaException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        return new Issued(key, chain.certificates());
    }

    private static CertmgrException asCertmgrException(KeyType type, Throwable cause, boolean answerChallenges) {
        Throwable root = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        if (!answerChallenges && root instanceof ChallengeException) {
            message += "; run \"certmgr auth\" on the server that answers the challenges (the master), then run"
                    + " this again";
        }
        return new CertmgrException(type + ": " + message, root);
    }

    private static CertificateOutcome outcome(CertificateSpec spec, Map<KeyType, RenewalDecision> decisions,
                                              CommitResult result, List<String> actions, Optional<String> error,
                                              Maintenance housekeeping) {
        List<KeyTypeOutcome> types = new ArrayList<>();
        decisions.forEach((type, d) -> types.add(new KeyTypeOutcome(type, d.renew() && error.isEmpty(), d.reason())));
        List<String> warnings = new ArrayList<>(result.warnings());
        warnings.addAll(housekeeping.warnings());
        return new CertificateOutcome(spec.name(), types, result.written(), result.removed(), warnings, error, actions,
                housekeeping.actions());
    }
}
