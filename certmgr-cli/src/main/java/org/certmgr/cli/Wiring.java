package org.certmgr.cli;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certmgr.adapters.acme.AcmeAdapters;
import org.certmgr.adapters.fs.FileOwnership;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.adapters.fs.config.CtLog;
import org.certmgr.adapters.fs.config.LoadedConfig;
import org.certmgr.adapters.fs.config.LocalSettings;
import org.certmgr.adapters.tls.TlsAdapters;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.Certmgr;
import org.certmgr.ports.out.HookRunner;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.out.Operator;

/** The composition root: builds the core from the configuration and the adapters. */
final class Wiring {
    /** How long a service's reload command may take before it is killed. */
    static final Duration SERVICE_RELOAD_TIMEOUT = Duration.ofMinutes(2);
    /** How long an OCSP responder or a CT log may take to connect and to answer. */
    static final Duration OCSP_CT_TIMEOUT = Duration.ofSeconds(10);
    /** How long connecting, each STARTTLS read and the handshake of one verification probe may take. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private Wiring() {
    }

    private static Map<String, CtLogSpec> ctLogs(Map<String, CtLog> configured) {
        Map<String, CtLogSpec> logs = new LinkedHashMap<>();
        configured.forEach((name, log) -> logs.put(name,
                new CtLogSpec(name, log.url().toString(), log.logId(), log.publicKey())));
        return logs;
    }

    /**
     * Wires the adapters for a loaded configuration. Nothing here contacts the CA or writes a
     * file; the adapters do so only when the run needs them.
     *
     * @throws IOException when the {@code acme_ca_bundle} file cannot be read
     */
    static Certmgr certmgr(LoadedConfig config, CliEnvironment environment, Map<KeyType, String> roots,
                           Operator operator) throws IOException {
        LocalSettings local = config.local();
        List<X509Certificate> trustAnchors = local.acmeCaBundle().isPresent()
                ? AcmeAdapters.readTrustAnchors(local.acmeCaBundle().get())
                : List.of();
        FileOwnership ownership = new FileOwnership(local.fileUser(), local.fileGroup());
        HookRunner hooks = FsAdapters.hookRunner(local.hooks(), local.dataDir());
        return Certmgr.builder()
                .configuration(config.configuration())
                .acme(AcmeAdapters.gateway(URI.create(config.configuration().acmeDirectoryUrl()), trustAnchors,
                        local.externalAccountBinding(), local.preferredChain()))
                .keyMaterial(AcmeAdapters.keyMaterial())
                .certificateStore(FsAdapters.certificateStore(local.dataDir(), ownership, environment.clock()))
                .accountStore(FsAdapters.accountStore(local.dataDir(), ownership))
                .challengeResponder(FsAdapters.challengeDirectories(local.httpChallenges(), local.httpChallengeDir(), hooks))
                .hooks(hooks)
                .services(FsAdapters.serviceReloader(local.serviceCommands(), SERVICE_RELOAD_TIMEOUT))
                .rootCertificates(roots)
                .archiveRetention(local.archiveRetention())
                .retryHolds(FsAdapters.retryHolds(local.dataDir()))
                .renewalInfoStore(FsAdapters.renewalInfoStore(local.dataDir()))
                .runHistory(FsAdapters.runHistory(local.dataDir()))
                .settledStore(FsAdapters.settledStore(local.dataDir(), "certmgr " + Version.build()))
                .metricsWriter(local.metricsFile().map(FsAdapters::metricsFile).orElse(MetricsWriter.NONE))
                .operator(operator)
                .clock(environment.clock())
                .ocspClient(TlsAdapters.ocspClient(OCSP_CT_TIMEOUT, environment.clock()))
                .ctLogClient(TlsAdapters.ctLogClient(OCSP_CT_TIMEOUT))
                .ctLogs(ctLogs(local.ctLogs()))
                .tlsProbe(TlsAdapters.tlsProbe(PROBE_TIMEOUT))
                .nameResolver(environment.resolver())
                .verifyTargets(local.verify())
                .ocspVerifyRetry(local.maxOcspVerifyAttempts(), local.ocspVerifyRetryDelay())
                .parallelism(local.parallelism())
                .build();
    }
}
