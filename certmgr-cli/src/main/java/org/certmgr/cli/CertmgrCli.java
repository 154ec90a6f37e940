package org.certmgr.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.adapters.fs.RunLock;
import org.certmgr.adapters.fs.config.ConfigException;
import org.certmgr.adapters.fs.config.ConfigLoader;
import org.certmgr.adapters.fs.config.LoadedConfig;
import org.certmgr.adapters.fs.config.LocalSettings;
import org.certmgr.adapters.fs.config.RootCertificates;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.RevocationReason;
import org.certmgr.ports.Certmgr;
import org.certmgr.ports.in.RevokeCertificates;
import org.certmgr.ports.in.RollOverAccountKey;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.StatusReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.in.UpdateScope;
import org.certmgr.ports.in.VerifyReport;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;

/**
 * The command line as a testable function: {@link #run} parses the arguments, loads the
 * configuration, runs the action and returns the exit code; it never calls {@code System.exit}
 * and writes only to the streams it is given.
 */
public final class CertmgrCli {
    static final String UPDATE = "update";
    static final String CHECK = "check";
    static final String CLEANUP = "cleanup";
    static final String AUTH = "auth";
    static final String REVOKE = "revoke";
    static final String ROLLOVER = "rollover";
    static final String VERIFY = "verify";
    static final String STATUS = "status";
    /** The actions this version offers. */
    private static final List<String> ACTIONS = List.of(UPDATE, CHECK, CLEANUP, VERIFY, AUTH, REVOKE, ROLLOVER,
            STATUS);

    private final CliEnvironment environment;

    CertmgrCli(CliEnvironment environment) {
        this.environment = environment;
    }

    /**
     * Runs certmgr.
     *
     * @param args the command line
     * @param out  where reports go
     * @param err  where errors go
     * @return the exit code
     */
    public ExitCode run(String[] args, PrintStream out, PrintStream err) {
        try {
            return runOrThrow(args, out, err);
        } catch (UsageException e) {
            err.println("certmgr: " + e.getMessage());
            err.println("Run 'certmgr --help' for usage.");
            return ExitCode.CONFIGURATION_ERROR;
        } catch (ConfigException e) {
            err.println("certmgr: " + e.getMessage());
            return ExitCode.CONFIGURATION_ERROR;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("certmgr: interrupted");
            return ExitCode.CERTIFICATE_FAILED;
        } catch (IOException e) {
            err.println("certmgr: " + e.getMessage());
            return ExitCode.CONFIGURATION_ERROR;
        } catch (RuntimeException e) {
            err.println("certmgr: internal error: " + e);
            e.printStackTrace(err);
            return ExitCode.INTERNAL_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private ExitCode runOrThrow(String[] args, PrintStream out, PrintStream err)
            throws UsageException, ConfigException, IOException, InterruptedException {
        CommandLine line;
        try {
            line = new DefaultParser().parse(CliOptions.definitions(), args);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage());
        }
        if (line.hasOption(CliOptions.HELP)) {
            printHelp(out);
            return ExitCode.SUCCESS;
        }
        if (line.hasOption(CliOptions.VERSION)) {
            out.println("certmgr " + Version.current());
            return ExitCode.SUCCESS;
        }
        List<String> words = new ArrayList<>(line.getArgList());
        String action = UPDATE;
        if (!words.isEmpty() && !words.get(0).contains(".")) {
            action = words.remove(0);
        }
        if (!ACTIONS.contains(action)) {
            throw new UsageException("unknown action '" + action + "'; available: " + String.join(", ", ACTIONS));
        }
        for (String updateOnly : List.of(CliOptions.FORCE, CliOptions.CERTS, CliOptions.OCSP, CliOptions.SCT,
                CliOptions.NO_AUTH, CliOptions.VERIFY)) {
            if (line.hasOption(updateOnly) && !action.equals(UPDATE)) {
                throw new UsageException("--" + updateOnly + " applies to the update action only");
            }
        }
        if (line.hasOption(CliOptions.JSON) && !action.equals(STATUS)) {
            throw new UsageException("--" + CliOptions.JSON + " applies to the status action only");
        }
        if (line.hasOption(CliOptions.REASON) && !action.equals(REVOKE)) {
            throw new UsageException("--" + CliOptions.REASON + " applies to the revoke action only");
        }
        RevocationReason reason = RevocationReason.UNSPECIFIED;
        if (line.hasOption(CliOptions.REASON)) {
            try {
                reason = RevocationReason.parse(line.getOptionValue(CliOptions.REASON));
            } catch (InvalidValueException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (action.equals(REVOKE) && words.isEmpty()) {
            throw new UsageException("revoke needs the names of the certificates to revoke (certmgr never revokes"
                    + " every certificate at once), e.g. certmgr revoke example.com");
        }
        UpdateScope scope = scope(line);
        Optional<String> pass = passphraseOption(line);
        Verbosity verbosity = verbosity(line);

        ConfigLoader loader = new ConfigLoader(environment.workingDir(), environment.etcDir(), environment.installDir());
        LoadedConfig config = loader.load(loader.locate(Optional.ofNullable(line.getOptionValue(CliOptions.CONFIG))));
        LocalSettings local = config.local();
        boolean color = !line.hasOption(CliOptions.NO_COLOR) && (line.hasOption(CliOptions.COLOR)
                || local.colorOutput() && environment.terminal().isPresent());
        RunLog log = RunLog.NONE;
        List<String> startWarnings = new ArrayList<>();
        // Log4j starts only when there is somewhere to log to, or when an earlier run in this JVM
        // (an embedding program, a test) configured it and its appenders must be replaced.
        // status, which monitoring may run every minute, leaves the log file alone.
        boolean logs = !action.equals(STATUS) && (local.logFile().isPresent() || LogSetup.configured());
        if (logs || verbosity == Verbosity.DEBUG) {
            LogSetup.configure(local.logFile(), local.logLevel(), verbosity).ifPresent(startWarnings::add);
            log = LogSetup.report();
        }
        ReportPrinter printer = new ReportPrinter(out, err, verbosity, color, log);
        log.info("certmgr " + Version.current() + ": " + action + (words.isEmpty() ? "" : " " + String.join(" ", words))
                + " (pid " + ProcessHandle.current().pid() + ", configuration " + config.file() + ")");
        startWarnings.forEach(w -> printer.warning("warning: " + w));
        if (verbosity != Verbosity.QUIET) {
            config.warnings().forEach(w -> printer.warning("warning: " + w));
        }
        try {
            config.configuration().select(words);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (action.equals(STATUS)) {
            return status(Wiring.certmgr(config, environment, Map.of(), operator(config, pass)), words,
                    line.hasOption(CliOptions.JSON), verbosity, new StatusPrinter(out, color,
                            verbosity.compareTo(Verbosity.VERBOSE) >= 0));
        }
        Map<KeyType, String> roots = RootCertificates.read(config);
        boolean randomWait = line.hasOption(CliOptions.RANDOM_WAIT);
        if (randomWait) {
            environment.sleeper().sleep(randomDelay(local.minRunDelay(), local.maxRunDelay()));
        }
        try (RunLock lock = FsAdapters.runLock(local.lockFile())) {
            boolean locked = randomWait ? lock.acquire(maxLockWait(local.maxRunDelay())) : lock.tryAcquire();
            if (!locked) {
                printer.failure("another certmgr is running" + lock.holderPid().map(p -> " (pid " + p + ")").orElse("")
                        + " and holds the lock file " + local.lockFile() + "; nothing was done"
                        + (randomWait ? " (waited " + maxLockWait(local.maxRunDelay()).toSeconds() + " s)" : ""));
                return ExitCode.LOCK_HELD;
            }
            Certmgr certmgr = Wiring.certmgr(config, environment, roots, operator(config, pass));
            switch (action) {
                case CHECK:
                    Maintenance checked = certmgr.check(words);
                    printer.print(CHECK, checked);
                    return ExitCode.SUCCESS;
                case CLEANUP:
                    printer.print(CLEANUP, certmgr.cleanup(words));
                    return ExitCode.SUCCESS;
                case AUTH:
                    RunReport authorized = certmgr.authorize(words);
                    printer.print(authorized);
                    return authorized.anyFailed() ? ExitCode.CERTIFICATE_FAILED : ExitCode.SUCCESS;
                case ROLLOVER:
                    RollOverAccountKey.Outcome rolled = certmgr.rollOverAccountKey();
                    rolled.actions().forEach(a -> printer.change("account: " + a));
                    rolled.error().ifPresent(e -> printer.failure("account: failed: " + e));
                    printer.flush();
                    return rolled.error().isPresent() ? ExitCode.CERTIFICATE_FAILED : ExitCode.SUCCESS;
                case REVOKE:
                    RunReport revoked = certmgr.revoke(new RevokeCertificates.RevokeCommand(words, reason));
                    printer.print(revoked);
                    return revoked.anyFailed() ? ExitCode.CERTIFICATE_FAILED : ExitCode.SUCCESS;
                case VERIFY:
                    return verify(certmgr, words, printer);
                default:
                    RunReport report = certmgr.update(new UpdateCommand(words, line.hasOption(CliOptions.FORCE), scope,
                            !line.hasOption(CliOptions.NO_AUTH)));
                    printer.print(report);
                    ExitCode verified = line.hasOption(CliOptions.VERIFY) ? verify(certmgr, words, printer)
                            : ExitCode.SUCCESS;
                    return report.anyFailed() ? ExitCode.CERTIFICATE_FAILED : verified;
            }
        } catch (StoreException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Prints where the certificates stand. It reads files only and takes no lock: every file it
     * reads is replaced atomically by update, so it sees the state before or after a running
     * update, and monitoring is never told "another certmgr is running".
     */
    private static ExitCode status(Certmgr certmgr, List<String> names, boolean json, Verbosity verbosity,
                                   StatusPrinter printer) {
        StatusReport report = certmgr.status(names);
        if (json) {
            printer.json(report);
        } else if (verbosity != Verbosity.QUIET) {
            printer.table(report);
        }
        return report.anyProblem() ? ExitCode.CERTIFICATE_FAILED : ExitCode.SUCCESS;
    }

    private static ExitCode verify(Certmgr certmgr, List<String> names, ReportPrinter printer)
            throws InterruptedException {
        VerifyReport report = certmgr.verify(names);
        printer.print(report);
        return report.anyFailed() ? ExitCode.VERIFICATION_FAILED : ExitCode.SUCCESS;
    }

    private ConsoleOperator operator(LoadedConfig config, Optional<String> pass) {
        List<String> order = new ArrayList<>();
        if (config.configuration().account().passphrase() instanceof Passphrase.AskAtRunTime) {
            order.add("account");
        }
        for (CertificateSpec spec : config.configuration().certificates()) {
            if (spec.keyPassphrase() instanceof Passphrase.AskAtRunTime) {
                order.add(spec.name().toString());
            }
        }
        return new ConsoleOperator(environment.environment(), environment.terminal(), pass,
                new StdinPassphrases(environment.stdin(), order));
    }

    private static Optional<String> passphraseOption(CommandLine line) throws UsageException {
        if (line.hasOption(CliOptions.PASS) && line.hasOption(CliOptions.PASS_FILE)) {
            throw new UsageException("give --pass or --pass-file, not both");
        }
        if (line.hasOption(CliOptions.PASS)) {
            return Optional.of(line.getOptionValue(CliOptions.PASS));
        }
        if (line.hasOption(CliOptions.PASS_FILE)) {
            Path file = Path.of(line.getOptionValue(CliOptions.PASS_FILE));
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String first = reader.readLine();
                if (first == null || first.isEmpty()) {
                    throw new UsageException("--pass-file " + file + ": the first line is empty");
                }
                return Optional.of(first);
            } catch (IOException e) {
                throw new UsageException("--pass-file " + file + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        return Optional.empty();
    }

    private Duration randomDelay(Duration min, Duration max) {
        long spread = max.toMillis() - min.toMillis();
        return min.plusMillis(spread <= 0 ? 0 : environment.random().nextLong(spread + 1));
    }

    /** How long --randomwait waits for a running certmgr: as long as the longest random wait, at least a minute. */
    private static Duration maxLockWait(Duration maxRunDelay) {
        return maxRunDelay.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : maxRunDelay;
    }

    private static Verbosity verbosity(CommandLine line) {
        if (line.hasOption(CliOptions.DEBUG)) {
            return Verbosity.DEBUG;
        }
        if (line.hasOption(CliOptions.VERBOSE)) {
            return Verbosity.VERBOSE;
        }
        if (line.hasOption(CliOptions.QUIET)) {
            return Verbosity.QUIET;
        }
        return Verbosity.NORMAL;
    }

    private static void printHelp(PrintStream out) {
        StringBuilder footer = new StringBuilder("\nActions:\n"
                + "  update   obtain and renew the configured certificates (the default)\n"
                + "  check    repair permissions, ownership and alias links of the installed files\n"
                + "  cleanup  delete archives older than archive_days\n"
                + "  verify   check that every server in the verify settings serves the installed certificates\n"
                + "  auth     obtain authorizations for the names without issuing (a master for followers)\n"
                + "  revoke   revoke the named certificates at the CA and archive their files\n"
                + "  rollover replace the ACME account key at the CA (the old key is archived)\n"
                + "  status   show where each certificate stands, from local files only (--json for scripts);\n"
                + "           exit code 1 when one is expired, missing or unreadable, or its last update failed\n\n"
                + "NAME restricts the run to the certificates with that common name or alternative name.\n\nExit codes:\n");
        for (ExitCode code : ExitCode.values()) {
            footer.append(String.format("  %-3d %s%n", code.code(), code.meaning()));
        }
        TextHelpAppendable text = new TextHelpAppendable(out);
        text.setMaxWidth(100);
        HelpFormatter help = HelpFormatter.builder().setHelpAppendable(text).setShowSince(false).get();
        try {
            help.printHelp("certmgr [options] [update|check|cleanup|verify|auth|revoke|rollover|status] [NAME...]",
                    "Obtains and renews TLS certificates from an ACME CA and installs them on stable paths.",
                    CliOptions.definitions(), "", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Printed as is: the formatter would re-wrap the table of exit codes.
        out.print(footer);
        out.flush();
    }

    /** The command line is wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** The scope of an update: at most one of --certs, --ocsp and --sct. */
    private static UpdateScope scope(CommandLine line) throws UsageException {
        List<String> given = new ArrayList<>();
        for (String option : List.of(CliOptions.CERTS, CliOptions.OCSP, CliOptions.SCT)) {
            if (line.hasOption(option)) {
                given.add("--" + option);
            }
        }
        if (given.size() > 1) {
            throw new UsageException(String.join(" and ", given) + " exclude each other");
        }
        if (line.hasOption(CliOptions.CERTS)) {
            return UpdateScope.CERTIFICATES;
        }
        if (line.hasOption(CliOptions.OCSP)) {
            return UpdateScope.OCSP;
        }
        return line.hasOption(CliOptions.SCT) ? UpdateScope.SCT : UpdateScope.ALL;
    }
}
