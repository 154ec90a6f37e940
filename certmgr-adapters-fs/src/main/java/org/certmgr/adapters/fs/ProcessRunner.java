package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.LogOutputStream;
import org.apache.commons.exec.PumpStreamHandler;
import org.slf4j.LoggerFactory;

/**
 * Runs one external command without a shell, logs its output line by line and kills it
 * (with its child processes) when it runs past its timeout.
 *
 * <p>Used by the hook runner and the service reloader. Holds no state between runs, so one
 * instance may run commands from several threads at once.
 *
 * <p>Commons Exec's {@code ExecuteWatchdog} is not used: it only sends SIGTERM to the direct
 * process, and {@code DefaultExecutor}'s synchronous {@code execute} swallows interrupts. The
 * command runs asynchronously instead and this class waits for it, so that a timeout and an
 * interrupt both kill the whole process tree and an interrupt reaches the caller.
 */
final class ProcessRunner {
    /** How long a process killed with SIGTERM may take to exit before it gets SIGKILL. */
    private static final Duration TERM_GRACE = Duration.ofSeconds(2);
    /** How long to wait for a SIGKILLed process to be gone. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    /**
     * How long the last output may take to arrive once the command has exited. Normally the
     * output ends with the command and nothing waits this long; but a background process it
     * started (a daemon restarted by an init script) may keep the output open for good. Its
     * lines are still logged, but the run goes on after this.
     */
    private static final Duration DRAIN = Duration.ofSeconds(3);
    private static final Pattern OS_REASON = Pattern.compile("error=\\d+, (.+)$");

    /** Receives the output of the commands. Implementations must be safe for concurrent use. */
    interface OutputLog {
        /**
         * Takes one line of output.
         *
         * @param source what ran, e.g. a hook id or a service name
         * @param line   the line, without its line break
         */
        void line(String source, String line);

        /**
         * Logs through SLF4J at INFO.
         *
         * @param loggerName e.g. {@code org.certmgr.hooks}
         * @return the log
         */
        static OutputLog slf4j(String loggerName) {
            // Looked up at the first line: a run in which no command runs never starts logging.
            return (source, line) -> LoggerFactory.getLogger(loggerName).info("{}: {}", source, line);
        }
    }

    private final OutputLog output;

    ProcessRunner(OutputLog output) {
        this.output = output;
    }

    /**
     * Runs a command and waits for it.
     *
     * @param source      what runs, for the output lines
     * @param argv        the program and its arguments, passed to the program as they are
     * @param environment the complete environment of the command
     * @param timeout     how long it may run
     * @return what went wrong, naming the command, e.g. {@code `false` exited with code 1}; empty on success
     * @throws InterruptedException when interrupted; the command is killed first
     */
    Optional<String> run(String source, List<String> argv, Map<String, String> environment, Duration timeout)
            throws InterruptedException {
        String shown = '`' + display(argv) + '`';
        for (String arg : argv) {
            if (arg.indexOf('\0') >= 0) {
                return Optional.of(shown + " was not run: an argument contains a NUL character");
            }
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        TrackedProcess tracked = new TrackedProcess();
        PumpStreamHandler streams = new PumpStreamHandler(new LineLog(output, source), new LineLog(output, source));
        streams.setStopTimeout(DRAIN);
        DefaultExecutor executor = DefaultExecutor.builder().setExecuteStreamHandler(streams).get();
        executor.setProcessDestroyer(tracked);
        executor.setExitValues(null);
        try {
            executor.execute(new ExactCommandLine(argv), environment, tracked);
        } catch (IOException e) {
            return Optional.of(shown + " could not be started: " + reason(e));
        }
        try {
            Optional<Process> process = tracked.awaitStart(timeout);
            if (process.isEmpty()) {
                if (tracked.hasFinished()) {
                    return Optional.of(shown + " could not be started: " + tracked.startFailure());
                }
                tracked.kill(TERM_GRACE);
                return Optional.of(shown + " timed out after " + seconds(timeout) + " and was killed");
            }
            if (!process.get().waitFor(remaining(tracked, timeout), TimeUnit.NANOSECONDS)) {
                tracked.kill(TERM_GRACE);
                process.get().waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
                tracked.awaitFinish(DRAIN);
                return Optional.of(shown + " timed out after " + seconds(timeout) + " and was killed");
            }
            // Lets the output pumps deliver the last lines before the caller reports.
            tracked.awaitFinish(DRAIN);
            int exit = process.get().exitValue();
            return exit == 0 ? Optional.empty() : Optional.of(shown + " exited with code " + exit);
        } catch (InterruptedException e) {
            tracked.killNow();
            throw e;
        }
    }

    private static long remaining(TrackedProcess tracked, Duration timeout) {
        return Math.max(0, timeout.toNanos() - (System.nanoTime() - tracked.createdNanos()));
    }

    /**
     * Shows a command for messages: arguments with blanks, quotes or shell syntax in single
     * quotes, control characters escaped so that a value cannot forge log lines.
     *
     * @param argv the command
     * @return e.g. {@code scp '/etc/ssl/my cert.pem' host:}
     */
    static String display(List<String> argv) {
        StringBuilder out = new StringBuilder();
        for (String arg : argv) {
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean plain = !arg.isEmpty() && arg.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:,+@%{}".indexOf(c) >= 0);
            if (plain) {
                out.append(arg);
            } else {
                out.append('\'').append(escapeControls(arg.replace("'", "'\\''"))).append('\'');
            }
        }
        return out.toString();
    }

    /**
     * Replaces control characters (other than tab) by {@code \n}, {@code \r} or {@code \xNN}.
     *
     * @param text any text
     * @return the text, printable on one line
     */
    static String escapeControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c != '\t' && (c < 0x20 || c == 0x7f)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Formats a timeout for messages.
     *
     * @param timeout a duration
     * @return e.g. {@code 2s} or {@code 1500ms}
     */
    static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    /**
     * Returns the operating system's reason why a program did not start.
     *
     * @param e the failure of {@code Runtime.exec}
     * @return e.g. {@code No such file or directory}
     */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && t.getMessage() != null) {
                Matcher m = OS_REASON.matcher(t.getMessage());
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** A command line whose arguments reach the program exactly as given. */
    private static final class ExactCommandLine extends CommandLine {
        private final String[] argv;

        ExactCommandLine(List<String> argv) {
            super(argv.get(0));
            for (String arg : argv.subList(1, argv.size())) {
                addArgument(arg, false);
            }
            this.argv = argv.toArray(String[]::new);
        }

        // CommandLine trims every argument and turns '\' into '/' in the program name; the
        // launcher takes the array from here, so values pass untouched.
        @Override
        public String[] toStrings() {
            return argv.clone();
        }
    }

    /** Sends each line a command writes to the output log. */
    private static final class LineLog extends LogOutputStream {
        private final OutputLog output;
        private final String source;

        LineLog(OutputLog output, String source) {
            super(0, Charset.defaultCharset());
            this.output = output;
            this.source = source;
        }

        @Override
        protected void processLine(String line, int level) {
            output.line(source, escapeControls(line));
        }
    }
}
