package org.certmgr.examples;

// tag::config-file[]
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.certmgr.adapters.acme.AcmeAdapters;
import org.certmgr.adapters.fs.FileOwnership;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.adapters.fs.config.ConfigLoader;
import org.certmgr.adapters.fs.config.LoadedConfig;
import org.certmgr.adapters.fs.config.LocalSettings;
import org.certmgr.ports.Certmgr;
import org.certmgr.ports.out.HookRunner;

/** Builds the core from a {@code certmgr.json}, with the hooks and services it configures. */
public final class ManageFromConfigFile {
    private ManageFromConfigFile() {
    }

    /**
     * Reads the configuration file and wires the standard adapters as its settings say.
     *
     * @param configFile e.g. {@code /etc/certmgr/certmgr.json}
     * @return the core, ready for {@code update}, {@code check}, {@code cleanup} …
     * @throws Exception when the file is not a valid configuration or its CA bundle cannot be read
     */
    public static Certmgr fromConfigFile(Path configFile) throws Exception {
        LoadedConfig config = new ConfigLoader(Path.of("."), Optional.empty()).load(configFile);
        LocalSettings local = config.local();
        HookRunner hooks = FsAdapters.hookRunner(local.hooks(), local.dataDir());
        FileOwnership owner = new FileOwnership(local.fileUser(), local.fileGroup());
        return Certmgr.builder()
                .configuration(config.configuration())
                .acme(AcmeAdapters.gateway(URI.create(config.configuration().acmeDirectoryUrl()),
                        local.acmeCaBundle().isPresent() ? AcmeAdapters.readTrustAnchors(local.acmeCaBundle().get())
                                : List.of(), local.externalAccountBinding(), local.preferredChain()))
                .keyMaterial(AcmeAdapters.keyMaterial())
                .certificateStore(FsAdapters.certificateStore(local.dataDir(), owner, Clock.systemUTC()))
                .accountStore(FsAdapters.accountStore(local.dataDir(), owner))
                .challengeResponder(FsAdapters.challengeDirectories(local.httpChallenges(), local.httpChallengeDir(),
                        hooks))
                .hooks(hooks)
                .services(FsAdapters.serviceReloader(local.serviceCommands(), Duration.ofMinutes(2)))
                .archiveRetention(local.archiveRetention())
                .retryHolds(FsAdapters.retryHolds(local.dataDir()))
                .renewalInfoStore(FsAdapters.renewalInfoStore(local.dataDir()))
                .runHistory(FsAdapters.runHistory(local.dataDir()))
                .build();
    }
}
// end::config-file[]
