package org.certmgr.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.certmgr.testkit.process.Processes;

/**
 * A finished run of a program outside the test's JVM (the launcher, dpkg, tar), as a shell
 * would run it: with its own environment and working directory, output captured in files.
 *
 * @param command  what was run
 * @param pid      its process id
 * @param exitCode its exit code
 * @param out      what it wrote to standard output
 * @param err      what it wrote to standard error
 */
record ExternalCommand(List<String> command, long pid, int exitCode, String out, String err) {
    private static final Duration LIMIT = Duration.ofMinutes(3);

    /**
     * Runs a command to its end, at most three minutes; one that takes longer is stopped by its
     * process id and fails the test.
     *
     * @param workingDir  where it runs
     * @param environment variables set on top of the test's own environment; a null value removes one
     * @param command     the program and its arguments
     * @return how it ended
     */
    static ExternalCommand run(Path workingDir, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("command", ".out");
        Path err = Files.createTempFile("command", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process = builder.start();
            try {
                if (!process.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError(command + " did not end in " + LIMIT + "; stopped it");
                }
            } finally {
                Processes.stop(process, Duration.ofSeconds(10));
            }
            return new ExternalCommand(command, process.pid(), process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static ExternalCommand run(Path workingDir, List<String> command) throws IOException, InterruptedException {
        return run(workingDir, Map.of(), command);
    }

    /** What a failed assertion shows about this run. */
    String describe() {
        return command + " exited " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
