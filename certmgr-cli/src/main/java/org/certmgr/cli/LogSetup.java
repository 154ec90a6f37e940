package org.certmgr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.certmgr.adapters.fs.config.LogLevel;

/**
 * Configures Log4j2 for one run: the log file ({@code log_file} at {@code log_level}) and, with
 * {@code --debug}, the console. Libraries (acme4j logs through SLF4J, bridged to Log4j2) go to
 * the same places. Console output of the report is not logging: {@link ReportPrinter} writes it
 * and mirrors each line into the log file through {@link #REPORT}.
 */
final class LogSetup {
    /**
     * The log file's layout. Work for a certificate runs on a thread named after it (see the
     * core's update), so {@code [%t]} names the certificate; the main thread, which writes the
     * report (its lines name their certificates), is left out. Each event is written whole, so
     * lines of certificates processed in parallel never mix.
     */
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %equals{[%t] }{[main] }{}%c{1}: %msg%n";

    /** The logger the report is mirrored to; it writes to the log file only. */
    static final String REPORT = "org.certmgr.report";

    private static boolean configured;

    private LogSetup() {
    }

    /** Tells whether a run in this JVM configured logging already. */
    static synchronized boolean configured() {
        return configured;
    }

    /**
     * Configures logging.
     *
     * @param logFile   the log file, or empty for none
     * @param fileLevel how much goes into the log file
     * @param console   how much goes to standard error (only {@code --debug} adds library logs)
     * @return a warning for the operator when the log file cannot be written, or empty
     */
    static synchronized Optional<String> configure(Optional<Path> logFile, LogLevel fileLevel, Verbosity console) {
        Optional<String> warning = Optional.empty();
        Optional<Path> usable = logFile;
        if (logFile.isPresent()) {
            warning = checkWritable(logFile.get());
            if (warning.isPresent()) {
                usable = Optional.empty();
            }
        }
        boolean debugConsole = console == Verbosity.DEBUG;
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.setStatusLevel(Level.ERROR);
        b.setConfigurationName("certmgr");
        b.add(b.newAppender("stderr", "Console").addAttribute("target", "SYSTEM_ERR")
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss.SSS} %-5level [%t] %c{1}: %msg%n")));
        Level consoleLevel = debugConsole ? Level.DEBUG : Level.WARN;
        Level fileLog = usable.isPresent() ? level(fileLevel) : Level.OFF;
        if (usable.isPresent()) {
            b.add(b.newAppender("file", "File").addAttribute("fileName", usable.get().toString())
                    .addAttribute("append", true)
                    .add(b.newLayout("PatternLayout")
                            .addAttribute("pattern", FILE_PATTERN)));
        }
        var root = b.newRootLogger(min(consoleLevel, fileLog)).add(b.newAppenderRef("stderr").addAttribute("level", consoleLevel));
        if (usable.isPresent()) {
            root.add(b.newAppenderRef("file").addAttribute("level", fileLog));
        }
        b.add(root);
        // Libraries say little worth keeping unless debugging: the CA's exchanges only at debug level.
        boolean debugAnywhere = debugConsole || fileLevel == LogLevel.DEBUG && usable.isPresent();
        b.add(b.newLogger("org.shredzone", debugAnywhere ? Level.DEBUG : Level.WARN));
        b.add(b.newLogger("org.apache", debugAnywhere ? Level.DEBUG : Level.WARN));
        // The report is already on the console: into the file only.
        var report = b.newLogger(REPORT, Level.DEBUG).addAttribute("additivity", false);
        if (usable.isPresent()) {
            report.add(b.newAppenderRef("file").addAttribute("level", fileLog));
        }
        b.add(report);
        Configurator.reconfigure(b.build());
        configured = true;
        return warning;
    }

    /** The log the report is mirrored to. */
    static RunLog report() {
        return RunLog.of(LogManager.getLogger(REPORT));
    }

    private static Optional<String> checkWritable(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (Files.exists(file) ? !Files.isWritable(file) : dir == null || !Files.isWritable(dir)) {
                return Optional.of("cannot write the log file " + file + " (permission denied); logging to the console"
                        + " only (set log_file to a writable path, or to null)");
            }
            return Optional.empty();
        } catch (IOException | SecurityException e) {
            return Optional.of("cannot write the log file " + file + " (" + e.getMessage() + "); logging to the console"
                    + " only (set log_file to a writable path, or to null)");
        }
    }

    private static Level level(LogLevel level) {
        switch (level) {
            case QUIET:
                return Level.WARN;
            case VERBOSE:
            case DEBUG:
                return Level.DEBUG;
            case NORMAL:
            default:
                return Level.INFO;
        }
    }

    private static Level min(Level a, Level b) {
        return a.isLessSpecificThan(b) ? a : b;
    }
}
