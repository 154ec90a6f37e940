package org.certmgr.adapters.fs.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.RenewalPolicy;

/** The {@code settings} section, read with the defaults of the spec and of DESIGN.md. */
record Settings(Optional<Path> logFile, LogLevel logLevel, Path dataDir, Optional<String> httpChallengeDir,
                boolean colorOutput, Optional<String> fileUser, Optional<String> fileGroup, RenewalPolicy renewal,
                AcmeTiming timing, int maxOcspVerifyAttempts, Duration ocspVerifyRetryDelay, Duration minRunDelay,
                Duration maxRunDelay, String acmeDirectoryUrl, Path lockFile, Optional<Duration> archiveRetention,
                Optional<Path> acmeCaBundle, Optional<String> profile, Optional<String> preferredChain,
                Inherited defaults, Optional<Path> metricsFile, int parallelism) {

    static final Path DEFAULT_LOG_FILE = Path.of("/var/log/certmgr/certmgr.log");
    static final Path DEFAULT_DATA_DIR = Path.of("/etc/certmgr");
    static final Path DEFAULT_LOCK_FILE = Path.of("/var/run/certmgr.lock");
    static final int DEFAULT_ARCHIVE_DAYS = 30;
    /** Certificates processed at once ({@code parallelism}): enough to overlap the CA's waits. */
    static final int DEFAULT_PARALLELISM = 8;
    static final int MAX_PARALLELISM = 64;

    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int DAY = 86_400;

    /** Reads the section; an absent section is all defaults. */
    static Settings read(Section s, Map<String, CtLog> ctLogs) throws ConfigException {
        Optional<Path> logFile = Optional.of(DEFAULT_LOG_FILE);
        Optional<Node> node = s.get("log_file");
        if (node.isPresent()) {
            logFile = node.get().isNull() ? Optional.empty() : Optional.of(Values.path(node.get()));
        }
        LogLevel logLevel = LogLevel.NORMAL;
        node = s.get("log_level");
        if (node.isPresent()) {
            logLevel = logLevel(node.get());
        }
        Path dataDir = s.get("data_dir").isPresent() ? Values.path(s.get("data_dir").get()) : DEFAULT_DATA_DIR;
        Optional<String> challengeDir = Optional.empty();
        node = s.get("http_challenge_dir");
        if (node.isPresent() && !node.get().isNull()) {
            challengeDir = Optional.of(challengeDirTemplate(node.get()));
        }
        boolean color = s.get("color_output").isPresent() ? s.get("color_output").get().bool() : true;
        Optional<String> fileUser = s.get("file_user").isPresent()
                ? Values.accountName(s.get("file_user").get()) : Optional.empty();
        Optional<String> fileGroup = s.get("file_group").isPresent()
                ? Values.accountName(s.get("file_group").get()) : Optional.empty();
        RenewalPolicy renewal = new RenewalPolicy(integer(s, "renewal_days", 30, 1, 3650));
        AcmeTiming timing = new AcmeTiming(integer(s, "max_authorization_attempts", 30, 1, 1000),
                Duration.ofSeconds(integer(s, "authorization_delay", 10, 1, 3600)),
                Duration.ofSeconds(integer(s, "cert_poll_time", 30, 1, 3600)));
        int ocspAttempts = integer(s, "max_ocsp_verify_attempts", 10, 1, 1000);
        Duration ocspDelay = Duration.ofSeconds(integer(s, "ocsp_verify_retry_delay", 5, 0, 3600));
        int minRunDelay = integer(s, "min_run_delay", 300, 0, DAY);
        int maxRunDelay = integer(s, "max_run_delay", 3600, 0, DAY);
        if (maxRunDelay < minRunDelay) {
            throw s.context().error(s.path().key("max_run_delay"), "must not be less than min_run_delay ("
                    + minRunDelay + "), not " + maxRunDelay);
        }
        String directory = Configuration.LETS_ENCRYPT;
        node = s.get("acme_directory_url");
        if (node.isPresent()) {
            directory = Values.url(node.get(), true).toString();
        }
        Path lockFile = s.get("lock_file").isPresent() ? Values.path(s.get("lock_file").get()) : DEFAULT_LOCK_FILE;
        Optional<Duration> archive = Optional.of(Duration.ofDays(DEFAULT_ARCHIVE_DAYS));
        node = s.get("archive_days");
        if (node.isPresent()) {
            archive = node.get().isNull() ? Optional.empty()
                    : Optional.of(Duration.ofDays(node.get().integer(1, 36_500)));
        }
        Optional<Path> caBundle = Optional.empty();
        node = s.get("acme_ca_bundle");
        if (node.isPresent() && !node.get().isNull()) {
            caBundle = Optional.of(caBundle(node.get()));
        }
        Optional<String> profile = optionalName(s, "profile");
        Optional<String> preferredChain = Optional.empty();
        node = s.get("preferred_chain");
        if (node.isPresent() && !node.get().isNull()) {
            preferredChain = Optional.of(node.get().nonEmptyString());
        }
        Inherited defaults = Inherited.read(s, Inherited.BUILT_IN, ctLogs);
        Optional<Path> metricsFile = metricsFile(s);
        int parallelism = integer(s, "parallelism", DEFAULT_PARALLELISM, 1, MAX_PARALLELISM);
        s.finish();
        return new Settings(logFile, logLevel, dataDir, challengeDir, color, fileUser, fileGroup, renewal, timing,
                ocspAttempts, ocspDelay, Duration.ofSeconds(minRunDelay), Duration.ofSeconds(maxRunDelay), directory,
                lockFile, archive, caBundle, profile, preferredChain, defaults, metricsFile, parallelism);
    }

    /** Reads {@code metrics_file}: null (the default) for no metrics, else a file path. */
    private static Optional<Path> metricsFile(Section s) throws ConfigException {
        Optional<Node> node = s.get("metrics_file");
        if (node.isEmpty() || node.get().isNull()) {
            return Optional.empty();
        }
        Path file = Values.path(node.get());
        if (Files.isDirectory(file)) {
            throw node.get().error(file + " is a folder; give the file to write, e.g. " + file.resolve("certmgr.prom"));
        }
        if (!file.getFileName().toString().endsWith(".prom")) {
            node.get().context().warn(node.get().path(), "node_exporter's textfile collector reads only files"
                    + " named *.prom; " + file.getFileName() + " will be written but not collected");
        }
        return Optional.of(file);
    }

    private static int integer(Section s, String key, int defaultValue, int min, int max) throws ConfigException {
        Optional<Node> node = s.get(key);
        return node.isPresent() ? node.get().integer(min, max) : defaultValue;
    }

    private static LogLevel logLevel(Node node) throws ConfigException {
        if (node.isNull()) {
            return LogLevel.QUIET;
        }
        String text = node.string();
        for (LogLevel level : List.of(LogLevel.NORMAL, LogLevel.VERBOSE, LogLevel.DEBUG)) {
            if (level.name().toLowerCase(Locale.ROOT).equals(text.toLowerCase(Locale.ROOT))) {
                return level;
            }
        }
        throw node.error("unknown log level \"" + text + "\"; expected null, \"normal\", \"verbose\" or \"debug\"");
    }

    private static String challengeDirTemplate(Node node) throws ConfigException {
        String text = node.nonEmptyString();
        List<String> fields;
        try {
            fields = Template.fields(text);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
        for (String field : fields) {
            if (!field.equals("fqdn")) {
                throw node.error("unknown field {" + field + "}; the only field of http_challenge_dir is {fqdn}");
            }
        }
        Path probe;
        try {
            probe = Path.of(Template.render(text, Map.of("fqdn", "example.com")));
        } catch (InvalidPathException e) {
            throw node.error("\"" + text + "\" is not a valid path: " + e.getReason());
        }
        return probe.isAbsolute() ? text : node.context().folder() + "/" + text;
    }

    private static Path caBundle(Node node) throws ConfigException {
        Path file = Values.path(node);
        if (!Files.isRegularFile(file)) {
            throw node.error("the CA bundle " + file + " does not exist or is not a file");
        }
        return file;
    }

    static Optional<String> optionalName(Section s, String key) throws ConfigException {
        Optional<Node> node = s.get(key);
        if (node.isEmpty() || node.get().isNull()) {
            return Optional.empty();
        }
        String name = node.get().nonEmptyString();
        if (!PROFILE.matcher(name).matches()) {
            throw node.get().error("\"" + name + "\" is not a profile name (letters, digits, \".\", \"_\", \"-\")");
        }
        return Optional.of(name);
    }
}
