package org.certmgr.cli;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.List;
import org.certmgr.adapters.acme.AcmeAdapters;
import org.certmgr.adapters.fs.FileOwnership;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.adapters.fs.config.LoadedConfig;
import org.certmgr.adapters.fs.config.LocalSettings;
import org.certmgr.ports.Certmgr;

/** The composition root: builds the core from the configuration and the adapters. */
final class Wiring {
    private Wiring() {
    }

    /**
     * Wires the adapters for a loaded configuration. Nothing here contacts the CA or writes a
     * file; the adapters do so only when the run needs them.
     *
     * @throws IOException when the {@code acme_ca_bundle} file cannot be read
     */
    static Certmgr certmgr(LoadedConfig config, CliEnvironment environment) throws IOException {
        LocalSettings local = config.local();
        List<X509Certificate> trustAnchors = local.acmeCaBundle().isPresent()
                ? AcmeAdapters.readTrustAnchors(local.acmeCaBundle().get())
                : List.of();
        FileOwnership ownership = new FileOwnership(local.fileUser(), local.fileGroup());
        return Certmgr.builder()
                .configuration(config.configuration())
                .acme(AcmeAdapters.gateway(URI.create(config.configuration().acmeDirectoryUrl()), trustAnchors))
                .keyMaterial(AcmeAdapters.keyMaterial())
                .certificateStore(FsAdapters.certificateStore(local.dataDir(), ownership, environment.clock()))
                .accountStore(FsAdapters.accountStore(local.dataDir(), ownership))
                .challengeResponder(FsAdapters.challengeDirectories(local.httpChallenges(), local.httpChallengeDir()))
                .operator(new ConsoleOperator(environment.environment(), environment.terminal()))
                .clock(environment.clock())
                .build();
    }
}
