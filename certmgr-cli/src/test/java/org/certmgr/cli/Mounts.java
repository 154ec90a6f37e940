package org.certmgr.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * A tmpfs the test mounts itself (root only) and unmounts on close: a tiny file system that
 * can be filled, or a read-only one.
 */
final class Mounts implements AutoCloseable {
    private final Path point;

    private Mounts(Path point) {
        this.point = point;
    }

    /**
     * Mounts a tmpfs at {@code point} (created if missing), or skips the test with the reason
     * when this is not root or mounting fails (e.g. in a container without CAP_SYS_ADMIN).
     *
     * @param options mount options, e.g. {@code size=512k} or {@code ro,size=64k}
     */
    static Mounts tmpfs(Path point, String options) throws IOException, InterruptedException {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "mounting a tmpfs needs root; this runs as " + System.getProperty("user.name"));
        Files.createDirectories(point);
        String failure = run("mount", "-t", "tmpfs", "-o", options, "certmgr-test", point.toString());
        assumeTrue(failure.isEmpty(), "mount -t tmpfs does not work here: " + failure);
        return new Mounts(point);
    }

    /** Returns where the file system is mounted. */
    Path point() {
        return point;
    }

    /** Unmounts (lazily if it is busy, so that a failed test never leaves a mount behind). */
    @Override
    public void close() throws IOException {
        try {
            String failure = run("umount", point.toString());
            if (!failure.isEmpty()) {
                String lazy = run("umount", "-l", point.toString());
                if (!lazy.isEmpty()) {
                    throw new IOException("cannot unmount " + point + ": " + failure + "; " + lazy);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while unmounting " + point);
        }
    }

    /** Runs a command; returns "" on success, else its exit code and output. */
    private static String run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("mount", ".out");
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                Processes.stop(process, Duration.ofSeconds(5));
                return String.join(" ", command) + " did not end in 30 s";
            }
            String text = Files.readString(output, StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? "" : String.join(" ", new ArrayList<>(List.of(command)))
                    + " exited with " + process.exitValue() + ": " + text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
