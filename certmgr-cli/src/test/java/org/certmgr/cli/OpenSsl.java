package org.certmgr.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the openssl command line tool, so that tests check files with an independent reader. */
final class OpenSsl {
    private OpenSsl() {
    }

    /**
     * Runs {@code openssl args...}, returning standard output; fails on a non-zero exit.
     */
    static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Path output = Files.createTempFile("openssl", ".out");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl did not finish in 30 s: " + command);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException("openssl failed (" + p.exitValue() + "): " + command + "\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
