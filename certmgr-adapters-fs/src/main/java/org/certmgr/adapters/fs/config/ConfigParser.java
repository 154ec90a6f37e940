package org.certmgr.adapters.fs.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.InvalidValueException;

/** Turns the JSON tree of a configuration file into a {@link LoadedConfig}, section by section. */
final class ConfigParser {
    private final Context context;

    ConfigParser(Context context) {
        this.context = context;
    }

    LoadedConfig parse(JsonNode tree) throws ConfigException {
        Section root = new Node(tree, JsonPath.ROOT, context).object();
        Map<String, CtLog> ctLogs = CtLogsReader.read(section(root, "ct_logs"));
        Settings settings = Settings.read(section(root, "settings"), ctLogs);
        AccountReader.Account account = AccountReader.read(section(root, "account"));
        LocalSectionsReader.Services services = LocalSectionsReader.services(section(root, "services"));
        var challenges = LocalSectionsReader.httpChallenges(section(root, "http_challenges"));
        var hooks = HooksReader.read(section(root, "hooks"));
        CertificatesReader.Result certificates = CertificatesReader.read(root.get("certificates"), settings,
                services.commands(), ctLogs, context);
        root.finish();
        Configuration configuration;
        try {
            configuration = new Configuration(account.spec(), settings.acmeDirectoryUrl(), settings.timing(),
                    certificates.certificates(), services.commands());
        } catch (InvalidValueException e) {
            throw context.error(JsonPath.ROOT.key("certificates"), e.getMessage());
        }
        LocalSettings local = new LocalSettings(settings.logFile(), settings.logLevel(), settings.dataDir(),
                settings.lockFile(), settings.colorOutput(), settings.fileUser(), settings.fileGroup(),
                settings.archiveRetention(), settings.minRunDelay(), settings.maxRunDelay(),
                settings.maxOcspVerifyAttempts(), settings.ocspVerifyRetryDelay(), settings.acmeCaBundle(),
                settings.profile(), settings.preferredChain(), account.binding(), challenges,
                settings.httpChallengeDir(), services.args(), ctLogs, hooks, certificates.verify(),
                settings.metricsFile(), settings.parallelism());
        return new LoadedConfig(context.file(), configuration, local, context.warnings());
    }

    /** Returns a top-level section; absent or null is an empty section. */
    private Section section(Section root, String key) throws ConfigException {
        Optional<Node> node = root.get(key);
        if (node.isEmpty()) {
            return new Section(context.emptyObject(), JsonPath.ROOT.key(key), context);
        }
        return node.get().objectOrNull();
    }
}
