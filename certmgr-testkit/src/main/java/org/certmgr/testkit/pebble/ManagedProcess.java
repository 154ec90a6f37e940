package org.certmgr.testkit.pebble;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.certmgr.testkit.process.Processes;

/**
 * A server process started by the harness: its output goes to a log file, and it is stopped
 * by its PID, first politely, then forcibly, each step with a bounded wait.
 */
final class ManagedProcess {
    private static final long GRACE_MILLIS = 5_000;
    private static final int TAIL_LINES = 30;
    // Variables that could send a Go HTTP client through a proxy, i.e. off this machine.
    private static final List<String> PROXY_VARIABLES = List.of("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
            "NO_PROXY", "http_proxy", "https_proxy", "all_proxy", "no_proxy");

    private final String name;
    private final Process process;
    private final Path logFile;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path workDir;

    private ManagedProcess(String name, Process process, Path logFile, List<String> command, Map<String, String> env,
                           Path workDir) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.command = List.copyOf(command);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
    }

    /**
     * Starts a process with its output appended to {@code logFile}.
     *
     * @param name    a short name for messages
     * @param command the executable and its arguments
     * @param env     variables to set in addition to the inherited ones (proxies removed)
     * @param workDir the working directory
     * @param logFile where stdout and stderr go
     * @return the running process
     * @throws IOException when it cannot be started
     */
    static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir,
                                Path logFile) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        PROXY_VARIABLES.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        return new ManagedProcess(name, builder.start(), logFile, command, env, workDir);
    }

    /**
     * Starts the same command again, with the same environment and log file (appended to),
     * once this process has ended.
     *
     * @return the new process
     * @throws IOException when it cannot be started
     * @throws IllegalStateException when this process still runs
     */
    ManagedProcess startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs");
        }
        return start(name, command, env, workDir, logFile);
    }

    /**
     * Sends SIGKILL to the process by its PID, as a crash or the OOM killer would, and waits
     * (bounded) until it has ended.
     *
     * @param grace how long to wait for the end
     * @return true when it has ended
     */
    boolean killAndWait(java.time.Duration grace) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        try {
            return process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Returns the process id.
     *
     * @return the PID
     */
    long pid() {
        return process.pid();
    }

    /**
     * Tells whether the process still runs.
     *
     * @return true while it runs
     */
    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Stops the process: SIGTERM, a bounded wait, then SIGKILL and another bounded wait.
     * Does nothing when it already ended.
     */
    void stop() {
        Processes.stop(process, java.time.Duration.ofMillis(GRACE_MILLIS));
    }

    /**
     * Kills the process at once, for the JVM shutdown hook, where no time is left to wait.
     */
    void kill() {
        process.destroyForcibly();
    }

    /**
     * Returns the last lines of the process's output, for error messages.
     *
     * @return the name, the exit state and the tail of its log
     */
    String describe() {
        String state = process.isAlive() ? "running" : "exited with status " + process.exitValue();
        String tail;
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            tail = "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
        return name + " (pid " + process.pid() + ", " + state + "), log " + logFile + ":\n" + tail;
    }

    /**
     * Tells whether the log says the process could not bind its port.
     *
     * @return true when another process took one of the chosen ports meanwhile
     */
    boolean lostPortRace() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8).contains("address already in use");
        } catch (IOException e) {
            return false;
        }
    }
}
