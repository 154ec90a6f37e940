package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the {@code openssl} command for interoperability tests; skips them when it is missing. */
final class OpenSsl {
    private static final long TIMEOUT_SECONDS = 60;

    private OpenSsl() {
    }

    /** Skips the calling test unless {@code openssl} can be run. */
    static void assumeAvailable() {
        boolean available;
        try {
            available = run(null, "version").exitCode == 0;
        } catch (IOException e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "openssl is not installed");
    }

    /** The outcome of one run. */
    static final class Result {
        final int exitCode;
        final byte[] stdout;
        final String stderr;

        Result(int exitCode, byte[] stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        String text() {
            return new String(stdout, StandardCharsets.US_ASCII);
        }
    }

    /**
     * Runs openssl and waits for it (bounded); the process is destroyed if it overruns.
     *
     * @param stdin what to write to its standard input (e.g. a passphrase), or null
     * @param args  the arguments after {@code openssl}
     * @return exit code and output
     * @throws IOException when it cannot be started
     */
    static Result run(String stdin, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Path err = Files.createTempFile("openssl", ".err");
        Path out = Files.createTempFile("openssl", ".out");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(err.toFile())
                    .redirectOutput(out.toFile())
                    .start();
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IOException("openssl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            return new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
            Files.deleteIfExists(out);
        }
    }

    /**
     * Runs openssl and expects success.
     *
     * @param stdin standard input, or null
     * @param args  the arguments
     * @return its output
     * @throws IOException when it cannot be started
     */
    static Result ok(String stdin, String... args) throws IOException {
        Result result = run(stdin, args);
        assertThat(result.exitCode).as("openssl %s failed: %s", String.join(" ", args), result.stderr).isZero();
        return result;
    }
}
