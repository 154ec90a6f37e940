package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.certmgr.testkit.process.Processes;

/**
 * Runs certmgr as its own process through the real launcher, {@code scripts/certmgr}, which
 * {@code exec}s java on the packaged jar: the process's PID is certmgr's.
 */
final class Launcher {
    private Launcher() {
    }

    /** The outcome of a launcher run: exit status and everything it printed (stdout and stderr together). */
    record Result(int exitCode, String output) {
    }

    /**
     * Starts {@code scripts/certmgr args...} in {@code workDir}, its output going to {@code log}.
     *
     * @return the running process; the caller stops it by PID
     */
    static Process start(Path workDir, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return builder.start();
    }

    /** Runs the launcher to its end (at most two minutes, then it is killed and the test fails). */
    static Result run(Path workDir, String... args) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "launcher", ".log");
        Process process = start(workDir, log, args);
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("certmgr ends within 120 s").isTrue();
        } finally {
            Processes.stop(process, Duration.ofSeconds(5));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Result(process.exitValue(), output);
    }

    /** {@code scripts/certmgr} of this source tree; the tests run in the module folder. */
    static Path script() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path script = module.getParent().resolve("scripts/certmgr").normalize();
        assertThat(script).as("the launcher").isExecutable();
        return script;
    }
}
