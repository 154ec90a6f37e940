package org.certmgr.ports;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.certmgr.ports.out.TlsProbe;
import org.certmgr.ports.out.NameResolver;
import org.certmgr.ports.in.VerifyReport;
import org.certmgr.ports.in.VerifyInstallation;
import org.certmgr.domain.VerifyTarget;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.in.AuthorizeNames;
import org.certmgr.ports.in.MaintainFiles;
import org.certmgr.ports.in.RevokeCertificates;
import org.certmgr.ports.in.RollOverAccountKey;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCertificates;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.HookRunner;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.Operator;
import org.certmgr.ports.out.RenewalInfoStore;
import org.certmgr.ports.out.RetryHolds;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.in.ShowStatus;
import org.certmgr.ports.in.StatusReport;
import org.certmgr.ports.out.ServiceReloader;
import org.certmgr.ports.out.SettledStore;

/**
 * The certmgr core, for the command line and for Java programs that embed it.
 *
 * <p>Build it with the adapters of your choice and call a use case:
 * <pre>{@code
 * Certmgr certmgr = Certmgr.builder()
 *         .configuration(Configuration.builder(directoryUrl).agreeToTerms(email).certificate(spec).build())
 *         .acme(AcmeAdapters.gateway(URI.create(directoryUrl), List.of()))
 *         .keyMaterial(AcmeAdapters.keyMaterial())
 *         .certificateStore(FsAdapters.certificateStore(dataDir))
 *         .accountStore(FsAdapters.accountStore(dataDir))
 *         .challengeResponder(FsAdapters.challengeDirectories("/var/www/{fqdn}/.well-known/acme-challenge"))
 *         .build();
 * RunReport report = certmgr.update(UpdateCommand.all());
 * }</pre>
 * (the guide {@code docs/embedding.md} has a complete program).
 *
 * <p>An instance is immutable and holds no threads between calls; each call blocks its caller,
 * runs its work on daemon threads of its own and stops them before it returns. It may be used
 * again, but calls on the same data directory are not meant to overlap (the command line takes
 * a lock file for that). A certificate's failure is its outcome's error in the returned report,
 * never an exception.
 */
public final class Certmgr implements UpdateCertificates, MaintainFiles, AuthorizeNames, RevokeCertificates,
        RollOverAccountKey, VerifyInstallation, ShowStatus {
    private final Builder settings;

    private Certmgr(Builder settings) {
        this.settings = settings;
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the system clock, no operator and parallelism 8
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public RunReport update(UpdateCommand command) throws InterruptedException {
        Objects.requireNonNull(command, "command");
        Builder b = settings;
        ExecutorService certificates = Executors.newFixedThreadPool(b.parallelism, named("certmgr-certificate"));
        ExecutorService keyTypes = Executors.newCachedThreadPool(named("certmgr-order"));
        ExecutorService keyGeneration = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), named("certmgr-keygen"));
        try {
            // One unlocker for the account and the certificates: a passphrase is asked for once per run.
            KeyUnlocker unlocker = unlocker();
            AccountSessions accounts = accounts(unlocker);
            RenewalInformation renewalInformation = new RenewalInformation(accounts, b.renewalInfoStore, b.clock);
            CertificateUpdater.Parts parts = new CertificateUpdater.Parts(b.keyMaterial, b.certificateStore, accounts,
                    b.challengeResponder, unlocker, new FileSetRenderer(b.keyMaterial, b.rootCertificates),
                    new InstallHooks(b.hooks, b.certificateStore), b.configuration.timing(), b.clock, b.archiveRetention,
                    new OcspRefresher(b.ocsp, b.clock), new SctCollector(b.ctLogClient, b.ctLogs), b.retryHolds,
                    renewalInformation, settled(renewalInformation));
            CertificateUpdater updater = new CertificateUpdater(parts, keyTypes, keyGeneration);
            RunReport report = new UpdateService(b.configuration, updater, certificates, b.services, b.hooks)
                    .update(command);
            return new RunRecorder(b.runHistory, b.metricsWriter, statusService(), parts.settled(), b.clock)
                    .record(report);
        } finally {
            certificates.shutdownNow();
            keyTypes.shutdownNow();
            keyGeneration.shutdownNow();
            certificates.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private SettledCertificates settled(RenewalInformation renewalInformation) {
        Builder b = settings;
        return new SettledCertificates(b.settledStore, b.certificateStore, renewalInformation, b.clock,
                settingsShapingFiles());
    }

    /**
     * What shapes every certificate's files besides its own specification, as text for
     * {@link SettledCertificates}: the root certificates, and which OCSP and CT clients run.
     */
    private String settingsShapingFiles() {
        Builder b = settings;
        StringBuilder text = new StringBuilder();
        for (KeyType type : KeyType.values()) {
            text.append(type.id()).append(" root ").append(b.rootCertificates.getOrDefault(type, "none")).append('\n');
        }
        return text.append(b.ocsp.getClass().getName()).append(' ').append(b.ctLogClient.getClass().getName())
                .toString();
    }

    @Override
    public RunReport authorize(List<String> names) throws InterruptedException {
        return authority().authorize(names);
    }

    @Override
    public RunReport revoke(RevokeCommand command) throws InterruptedException {
        Objects.requireNonNull(command, "command");
        return authority().revoke(command);
    }

    @Override
    public RollOverAccountKey.Outcome rollOverAccountKey() throws InterruptedException {
        try {
            return new RollOverAccountKey.Outcome(List.of(accounts().rollOver()), Optional.empty());
        } catch (CertmgrException e) {
            return new RollOverAccountKey.Outcome(List.of(), Optional.of(e.getMessage()));
        }
    }

    private AuthorityService authority() {
        Builder b = settings;
        return new AuthorityService(b.configuration, accounts(), b.challengeResponder, b.certificateStore,
                b.keyMaterial);
    }

    private AccountSessions accounts() {
        return accounts(unlocker());
    }

    private AccountSessions accounts(KeyUnlocker unlocker) {
        Builder b = settings;
        return new AccountSessions(b.configuration.account(), b.configuration.acmeDirectoryUrl(),
                b.acme, b.accountStore, b.keyMaterial, b.operator, unlocker);
    }

    private KeyUnlocker unlocker() {
        return new KeyUnlocker(settings.keyMaterial, new Passphrases(settings.operator));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the builder was given no {@link Builder#tlsProbe TLS probe}
     *                               or no {@link Builder#nameResolver name resolver}
     */
    @Override
    public VerifyReport verify(List<String> names) throws InterruptedException {
        Builder b = settings;
        if (b.tlsProbe == null || b.nameResolver == null) {
            throw new IllegalStateException("verification needs a TLS probe and a name resolver (Certmgr.Builder"
                    + ".tlsProbe and .nameResolver)");
        }
        ExecutorService probes = Executors.newFixedThreadPool(b.verifyParallelism, named("certmgr-verify"));
        try {
            return new VerifyService(b.configuration, b.verifyTargets, new InstalledChains(b.certificateStore,
                    b.keyMaterial), b.nameResolver, b.tlsProbe, b.stapleRetry, probes).verify(names);
        } finally {
            probes.shutdownNow();
            probes.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public Maintenance check(List<String> names) {
        return maintenance().check(names);
    }

    @Override
    public Maintenance cleanup(List<String> names) {
        return maintenance().cleanup(names);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the certificate store, the renewal information store, the retry holds and the run
     * history given to the builder; the OCSP client only reads stored responses.
     */
    @Override
    public StatusReport status(List<String> names) {
        return statusService().status(names);
    }

    private StatusService statusService() {
        Builder b = settings;
        return new StatusService(new StatusService.Parts(b.configuration, b.certificateStore, b.keyMaterial,
                b.renewalInfoStore, b.retryHolds, b.ocsp, b.runHistory, b.clock));
    }

    private MaintenanceService maintenance() {
        return new MaintenanceService(settings.configuration, settings.certificateStore, settings.clock,
                settings.archiveRetention);
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Collects the configuration and the adapters; {@link #build()} checks that none is missing. */
    public static final class Builder {
        private Configuration configuration;
        private AcmeGateway acme;
        private KeyMaterial keyMaterial;
        private CertificateStore certificateStore;
        private AccountStore accountStore;
        private ChallengeResponder challengeResponder;
        private Operator operator = Operator.ABSENT;
        private Clock clock = Clock.systemUTC();
        private int parallelism = 8;
        private HookRunner hooks = HookRunner.NONE;
        private ServiceReloader services = ServiceReloader.NONE;
        private Map<KeyType, String> rootCertificates = Map.of();
        private Optional<Duration> archiveRetention = Optional.empty();
        private RetryHolds retryHolds = RetryHolds.NONE;
        private RenewalInfoStore renewalInfoStore = new MemoryRenewalInfoStore();
        private SettledStore settledStore = SettledStore.NONE;
        private OcspClient ocsp = OcspClient.NONE;
        private CtLogClient ctLogClient = CtLogClient.NONE;
        private Map<String, CtLogSpec> ctLogs = Map.of();
        private RunHistory runHistory = new MemoryRunHistory();
        private MetricsWriter metricsWriter = MetricsWriter.NONE;

        private TlsProbe tlsProbe;
        private NameResolver nameResolver;
        private Map<CertificateName, List<VerifyTarget>> verifyTargets = Map.of();
        private VerifyService.StapleRetry stapleRetry = new VerifyService.StapleRetry(10, Duration.ofSeconds(5));
        private int verifyParallelism = 16;

        private Builder() {
        }

        /**
         * Sets where what the CA says about renewing each certificate (RFC 9773) is kept between runs.
         *
         * @param store the store; by default one in memory, kept as long as the built core
         * @return this builder
         */
        public Builder renewalInfoStore(RenewalInfoStore store) {
            this.renewalInfoStore = store;
            return this;
        }

        /**
         * Sets where the result of each {@code update} run is kept for {@link Certmgr#status}.
         *
         * @param history the history; by default one in memory, kept as long as the built core
         * @return this builder
         */
        public Builder runHistory(RunHistory history) {
            this.runHistory = history;
            return this;
        }

        /**
         * Sets where the figures of each {@code update} run are published ({@code metrics_file}).
         *
         * @param writer the writer; {@link MetricsWriter#NONE} (nothing published) by default
         * @return this builder
         */
        public Builder metricsWriter(MetricsWriter writer) {
            this.metricsWriter = writer;
            return this;
        }

        /**
         * Sets where certificates found with nothing to do are remembered, so that later runs
         * decide about them without reading their files while neither those nor the configuration
         * changed.
         *
         * @param store the store; {@link SettledStore#NONE} by default (every run reads every file)
         * @return this builder
         */
        public Builder settledStore(SettledStore store) {
            this.settledStore = store;
            return this;
        }

        /**
         * Sets what asks OCSP responders.
         *
         * @param ocsp the client; {@link OcspClient#NONE} by default (no OCSP responses)
         * @return this builder
         */
        public Builder ocspClient(OcspClient ocsp) {
            this.ocsp = ocsp;
            return this;
        }

        /**
         * Sets where the CA's requests to wait (rate limits) are remembered between runs.
         *
         * @param holds the holds; {@link RetryHolds#NONE} (nothing remembered) by default
         * @return this builder
         */
        public Builder retryHolds(RetryHolds holds) {
            this.retryHolds = holds;
            return this;
        }

        /**
         * Sets what submits certificates to Certificate Transparency logs.
         *
         * @param ctLogClient the client; {@link CtLogClient#NONE} by default (no SCTs)
         * @return this builder
         */
        public Builder ctLogClient(CtLogClient ctLogClient) {
            this.ctLogClient = ctLogClient;
            return this;
        }

        /**
         * Sets the known Certificate Transparency logs ({@code ct_logs}), which
         * {@code ct_submit_logs} name.
         *
         * @param ctLogs log name → log; none by default
         * @return this builder
         */
        public Builder ctLogs(Map<String, CtLogSpec> ctLogs) {
            this.ctLogs = Map.copyOf(ctLogs);
            return this;
        }

        /**
         * Sets what probes servers for {@link Certmgr#verify}.
         *
         * @param probe the probe; none by default (verification is then unavailable)
         * @return this builder
         */
        public Builder tlsProbe(TlsProbe probe) {
            this.tlsProbe = probe;
            return this;
        }

        /**
         * Sets what resolves the hosts of verification targets.
         *
         * @param resolver the resolver; none by default (verification is then unavailable)
         * @return this builder
         */
        public Builder nameResolver(NameResolver resolver) {
            this.nameResolver = resolver;
            return this;
        }

        /**
         * Sets the verification targets of each certificate ({@code verify}).
         *
         * @param targets certificate → its targets; none by default
         * @return this builder
         */
        public Builder verifyTargets(Map<CertificateName, List<VerifyTarget>> targets) {
            Map<CertificateName, List<VerifyTarget>> copy = new java.util.LinkedHashMap<>();
            targets.forEach((name, list) -> copy.put(name, List.copyOf(list)));
            this.verifyTargets = java.util.Collections.unmodifiableMap(copy);
            return this;
        }

        /**
         * Sets how often a missing or bad staple of a Must-Staple certificate is probed again
         * ({@code max_ocsp_verify_attempts}, {@code ocsp_verify_retry_delay}).
         *
         * @param attempts probes in all, 1 or more; 10 by default
         * @param delay    pause between them; 5 seconds by default
         * @return this builder
         */
        public Builder ocspVerifyRetry(int attempts, Duration delay) {
            this.stapleRetry = new VerifyService.StapleRetry(attempts, delay);
            return this;
        }

        /**
         * Sets how many probes run at once.
         *
         * @param parallelism 1 or more; 16 by default
         * @return this builder
         */
        public Builder verifyParallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("verify parallelism must be at least 1");
            }
            this.verifyParallelism = parallelism;
            return this;
        }

        /**
         * Sets what runs the configured hooks.
         *
         * @param hooks the runner; {@link HookRunner#NONE} by default
         * @return this builder
         */
        public Builder hooks(HookRunner hooks) {
            this.hooks = hooks;
            return this;
        }

        /**
         * Sets what reloads services after their certificates changed.
         *
         * @param services the reloader; {@link ServiceReloader#NONE} by default
         * @return this builder
         */
        public Builder services(ServiceReloader services) {
            this.services = services;
            return this;
        }

        /**
         * Sets the root certificate of each key type, from which {@code cert+root.pem} is made.
         *
         * @param roots key type → PEM text of its root; none by default (no {@code cert+root.pem})
         * @return this builder
         */
        public Builder rootCertificates(Map<KeyType, String> roots) {
            this.rootCertificates = Map.copyOf(roots);
            return this;
        }

        /**
         * Sets how long archived files are kept ({@code archive_days}).
         *
         * @param retention the age after which archives are deleted; empty (the default) keeps them
         * @return this builder
         */
        public Builder archiveRetention(Optional<Duration> retention) {
            this.archiveRetention = retention;
            return this;
        }

        /**
         * Sets the configuration.
         *
         * @param configuration the validated configuration
         * @return this builder
         */
        public Builder configuration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        /**
         * Sets the CA.
         *
         * @param acme the ACME gateway
         * @return this builder
         */
        public Builder acme(AcmeGateway acme) {
            this.acme = acme;
            return this;
        }

        /**
         * Sets key generation and encoding.
         *
         * @param keyMaterial the key material adapter
         * @return this builder
         */
        public Builder keyMaterial(KeyMaterial keyMaterial) {
            this.keyMaterial = keyMaterial;
            return this;
        }

        /**
         * Sets where certificate files are kept.
         *
         * @param certificateStore the store
         * @return this builder
         */
        public Builder certificateStore(CertificateStore certificateStore) {
            this.certificateStore = certificateStore;
            return this;
        }

        /**
         * Sets where the account is kept.
         *
         * @param accountStore the store
         * @return this builder
         */
        public Builder accountStore(AccountStore accountStore) {
            this.accountStore = accountStore;
            return this;
        }

        /**
         * Sets where http-01 responses are placed.
         *
         * @param challengeResponder the responder
         * @return this builder
         */
        public Builder challengeResponder(ChallengeResponder challengeResponder) {
            this.challengeResponder = challengeResponder;
            return this;
        }

        /**
         * Sets who answers questions (terms of service, passphrases).
         *
         * @param operator the operator; {@link Operator#ABSENT} by default
         * @return this builder
         */
        public Builder operator(Operator operator) {
            this.operator = operator;
            return this;
        }

        /**
         * Sets the clock renewal decisions are made with.
         *
         * @param clock the clock; the UTC system clock by default
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets how many certificates are processed at once.
         *
         * @param parallelism 1 or more; 8 by default
         * @return this builder
         */
        public Builder parallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = parallelism;
            return this;
        }

        /**
         * Builds the core.
         *
         * @return the core
         * @throws NullPointerException naming the first missing part
         */
        public Certmgr build() {
            Objects.requireNonNull(configuration, "configuration");
            Objects.requireNonNull(acme, "acme");
            Objects.requireNonNull(keyMaterial, "keyMaterial");
            Objects.requireNonNull(certificateStore, "certificateStore");
            Objects.requireNonNull(accountStore, "accountStore");
            Objects.requireNonNull(challengeResponder, "challengeResponder");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(hooks, "hooks");
            Objects.requireNonNull(services, "services");
            Objects.requireNonNull(archiveRetention, "archiveRetention");
            Objects.requireNonNull(retryHolds, "retryHolds");
            Objects.requireNonNull(renewalInfoStore, "renewalInfoStore");
            Objects.requireNonNull(settledStore, "settledStore");
            Objects.requireNonNull(ocsp, "ocspClient");
            Objects.requireNonNull(ctLogClient, "ctLogClient");
            Objects.requireNonNull(runHistory, "runHistory");
            Objects.requireNonNull(metricsWriter, "metricsWriter");
            return new Certmgr(copy());
        }

        /** A snapshot, so that changing this builder afterwards does not change a built core. */
        private Builder copy() {
            Builder b = new Builder();
            b.configuration = configuration;
            b.acme = acme;
            b.keyMaterial = keyMaterial;
            b.certificateStore = certificateStore;
            b.accountStore = accountStore;
            b.challengeResponder = challengeResponder;
            b.operator = operator;
            b.clock = clock;
            b.parallelism = parallelism;
            b.hooks = hooks;
            b.services = services;
            b.rootCertificates = rootCertificates;
            b.archiveRetention = archiveRetention;
            b.retryHolds = retryHolds;
            b.tlsProbe = tlsProbe;
            b.nameResolver = nameResolver;
            b.verifyTargets = verifyTargets;
            b.stapleRetry = stapleRetry;
            b.verifyParallelism = verifyParallelism;
            b.renewalInfoStore = renewalInfoStore;
            b.settledStore = settledStore;
            b.ocsp = ocsp;
            b.ctLogClient = ctLogClient;
            b.ctLogs = ctLogs;
            b.runHistory = runHistory;
            b.metricsWriter = metricsWriter;
            return b;
        }
    }
}
