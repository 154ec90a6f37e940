package org.certmgr.ports;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.certmgr.domain.RenewalDecision;
import org.certmgr.domain.RenewalPlanner;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.CommitResult;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.ports.out.StoreException;

/**
 * Brings one certificate up to date: decides per key type, issues what is due (key types in
 * parallel), and installs the complete file set in one transaction. Any failure leaves the
 * installed files as they were and becomes the outcome's error.
 */
final class CertificateUpdater {
    private final KeyMaterial keys;
    private final CertificateStore store;
    private final AccountSessions accounts;
    private final ChallengeResponder responder;
    private final Passphrases passphrases;
    private final AcmeTiming timing;
    private final Clock clock;
    private final Executor keyTypeExecutor;
    private final Executor keyGenerationExecutor;

    CertificateUpdater(KeyMaterial keys, CertificateStore store, AccountSessions accounts, ChallengeResponder responder,
                       Passphrases passphrases, AcmeTiming timing, Clock clock,
                       Executor keyTypeExecutor, Executor keyGenerationExecutor) {
        this.keys = keys;
        this.store = store;
        this.accounts = accounts;
        this.responder = responder;
        this.passphrases = passphrases;
        this.timing = timing;
        this.clock = clock;
        this.keyTypeExecutor = keyTypeExecutor;
        this.keyGenerationExecutor = keyGenerationExecutor;
    }

    CertificateOutcome update(CertificateSpec spec, boolean force) throws InterruptedException {
        Map<KeyType, RenewalDecision> decisions = new EnumMap<>(KeyType.class);
        try {
            Optional<char[]> passphrase = passphrases.resolve(spec.keyPassphrase(), spec.name().toString());
            InstalledState state = InstalledState.read(store.current(spec.name()), spec.keys().keySet(), keys, passphrase);
            for (KeyType type : spec.keys().keySet()) {
                RenewalDecision decision = state.unreadableReason(type)
                        .map(reason -> new RenewalDecision(true, reason))
                        .orElseGet(() -> RenewalPlanner.decide(spec, type, state.get(type), clock.instant(), force));
                decisions.put(type, decision);
            }
            Map<KeyType, FileSet> issued = issueDue(spec, decisions, passphrase);
            FileSet kept = keptFiles(spec, state.files(), issued.keySet());
            if (issued.isEmpty() && state.files().map(kept::equals).orElse(true)) {
                return outcome(spec, decisions, List.of(), List.of(), Optional.empty());
            }
            FileSet all = kept;
            for (FileSet files : issued.values()) {
                all = all.with(files);
            }
            Set<DnsName> aliases = new HashSet<>(spec.altNames());
            aliases.remove(spec.commonName());
            CommitResult result = store.commit(spec.name(), all, aliases);
            return outcome(spec, decisions, result.written(), result.warnings(), Optional.empty());
        } catch (CertmgrException | StoreException e) {
            return outcome(spec, decisions, List.of(), List.of(), Optional.of(e.getMessage()));
        }
    }

    /**
     * Files that stay as they are: those of configured key types that were not renewed, and
     * those of the certificate as a whole. Files of renewed key types are replaced whole, and
     * files of key types no longer configured are left out (the store archives them).
     */
    private static FileSet keptFiles(CertificateSpec spec, Optional<FileSet> current, Set<KeyType> renewed) {
        Map<String, byte[]> kept = new TreeMap<>();
        current.ifPresent(files -> {
            for (String path : files.paths()) {
                Optional<KeyType> owner = Arrays.stream(KeyType.values()).filter(t -> path.startsWith(t.id() + "/")).findFirst();
                boolean keep = owner.map(t -> spec.keys().containsKey(t) && !renewed.contains(t)).orElse(true);
                if (keep) {
                    kept.put(path, files.content(path).orElseThrow());
                }
            }
        });
        return FileSet.of(kept);
    }

    private Map<KeyType, FileSet> issueDue(CertificateSpec spec, Map<KeyType, RenewalDecision> decisions,
                                           Optional<char[]> passphrase) throws CertmgrException, InterruptedException {
        Map<KeyType, Future<FileSet>> running = new LinkedHashMap<>();
        for (Map.Entry<KeyType, RenewalDecision> e : decisions.entrySet()) {
            if (!e.getValue().renew()) {
                continue;
            }
            KeyType type = e.getKey();
            AcmeSession session = accounts.session();
            CompletableFuture<KeyPair> key = CompletableFuture.supplyAsync(
                    () -> keys.generate(spec.keys().get(type)), keyGenerationExecutor);
            running.put(type, key.thenApplyAsync(k -> issue(session, spec, type, k, passphrase), keyTypeExecutor));
        }
        Map<KeyType, FileSet> issued = new EnumMap<>(KeyType.class);
        CertmgrException first = null;
        for (Map.Entry<KeyType, Future<FileSet>> e : running.entrySet()) {
            try {
                issued.put(e.getKey(), e.getValue().get());
            } catch (ExecutionException ex) {
                if (first == null) {
                    first = asCertmgrException(e.getKey(), ex.getCause());
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return issued;
    }

    private FileSet issue(AcmeSession session, CertificateSpec spec, KeyType type, KeyPair key, Optional<char[]> passphrase) {
        byte[] csr = keys.createCsr(key, spec.altNames(), spec.ocspMustStaple());
        IssuedChain chain;
        try {
            chain = session.issue(new OrderRequest(spec.altNames(), csr, timing), responder);
        } catch (CaException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        Map<String, byte[]> files = new TreeMap<>();
        files.put(CertificateFiles.cert(type), utf8(keys.encodeCertificates(chain.certificates())));
        files.put(CertificateFiles.chain(type), utf8(keys.encodeCertificates(chain.intermediates())));
        files.put(CertificateFiles.key(type), utf8(keys.encodePrivateKey(key, passphrase)));
        return FileSet.of(files);
    }

    private static CertmgrException asCertmgrException(KeyType type, Throwable cause) {
        Throwable root = cause instanceof CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        return new CertmgrException(type + ": " + message, root);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static CertificateOutcome outcome(CertificateSpec spec, Map<KeyType, RenewalDecision> decisions,
                                              List<String> written, List<String> warnings, Optional<String> error) {
        List<KeyTypeOutcome> types = new ArrayList<>();
        decisions.forEach((type, d) -> types.add(new KeyTypeOutcome(type, d.renew() && error.isEmpty(), d.reason())));
        return new CertificateOutcome(spec.name(), types, written, warnings, error);
    }
}
