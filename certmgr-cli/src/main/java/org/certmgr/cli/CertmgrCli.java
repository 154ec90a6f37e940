package org.certmgr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.certmgr.adapters.fs.config.ConfigException;
import org.certmgr.adapters.fs.config.ConfigLoader;
import org.certmgr.adapters.fs.config.LoadedConfig;
import org.certmgr.ports.Certmgr;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;

/**
 * The command line as a testable function: {@link #run} parses the arguments, loads the
 * configuration, runs the action and returns the exit code; it never calls {@code System.exit}
 * and writes only to the streams it is given.
 */
public final class CertmgrCli {
    static final String UPDATE = "update";
    /** Actions of the specification that this version does not offer yet. */
    private static final Set<String> LATER_ACTIONS = Set.of("check", "revoke", "auth", "verify", "cleanup");

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
        if (LATER_ACTIONS.contains(action)) {
            throw new UsageException("the action '" + action + "' is not available in this version; available: update");
        }
        if (!action.equals(UPDATE)) {
            throw new UsageException("unknown action '" + action + "'; available: update");
        }
        Verbosity verbosity = verbosity(line);
        configureLogging(verbosity);

        ConfigLoader loader = new ConfigLoader(environment.workingDir(), environment.etcDir(), environment.installDir());
        LoadedConfig config = loader.load(loader.locate(Optional.ofNullable(line.getOptionValue(CliOptions.CONFIG))));
        if (verbosity != Verbosity.QUIET) {
            config.warnings().forEach(w -> err.println("certmgr: warning: " + w));
        }
        try {
            config.configuration().select(words);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Certmgr certmgr = Wiring.certmgr(config, environment);
        RunReport report = certmgr.update(new UpdateCommand(words, line.hasOption(CliOptions.FORCE)));
        new ReportPrinter(out, err, verbosity).print(report);
        return report.anyFailed() ? ExitCode.CERTIFICATE_FAILED : ExitCode.SUCCESS;
    }

    /** Whether an earlier run in this JVM (an embedding program, a test) turned debug logging on. */
    private static boolean debugLogging;

    private static synchronized void configureLogging(Verbosity verbosity) {
        boolean debug = verbosity == Verbosity.DEBUG;
        // Log4j is otherwise left to start when a library first logs, so that a run which needs
        // no library does not pay for starting it.
        if (debug || debugLogging) {
            Configurator.setRootLevel(debug ? Level.DEBUG : Level.WARN);
            debugLogging = debug;
        }
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
        StringBuilder footer = new StringBuilder("\nActions:\n  update   obtain and renew the configured certificates (the default)\n\n"
                + "NAME restricts the run to the certificates with that common name or alternative name.\n\nExit codes:\n");
        for (ExitCode code : ExitCode.values()) {
            footer.append(String.format("  %-3d %s%n", code.code(), code.meaning()));
        }
        TextHelpAppendable text = new TextHelpAppendable(out);
        text.setMaxWidth(100);
        HelpFormatter help = HelpFormatter.builder().setHelpAppendable(text).setShowSince(false).get();
        try {
            help.printHelp("certmgr [options] [update] [NAME...]",
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
}
