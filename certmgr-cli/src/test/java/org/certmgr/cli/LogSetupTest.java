package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.certmgr.adapters.fs.config.LogLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file under concurrency: each line whole, and named after the certificate it is about. */
class LogSetupTest {
    @TempDir
    Path dir;

    @Test
    void givenLinesFromCertificateThreadsAndTheMainThread_thenCertificateLinesNameTheirCertificateAndNoLineIsBroken()
            throws Exception {
        Path file = dir.resolve("certmgr.log");
        LogSetup.configure(Optional.of(file), LogLevel.NORMAL, Verbosity.NORMAL);
        List<Thread> threads = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String name = "c" + i + ".example.test";
            Thread t = new Thread(() -> {
                for (int line = 0; line < 50; line++) {
                    LogManager.getLogger("org.certmgr.hooks").info("line {} of {}", line, name);
                }
            }, name);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join(10_000);
        }
        // The report is written by the main thread, whose name the layout leaves out.
        Thread main = new Thread(() -> LogManager.getLogger(LogSetup.REPORT).info("the report"), "main");
        main.start();
        main.join(10_000);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(8 * 50 + 1);
        assertThat(lines.stream().filter(l -> l.contains("line "))).allSatisfy(line ->
                assertThat(line).matches(".* INFO  \\[(c[1-8]\\.example\\.test)\\] hooks: line \\d+ of \\1$"));
        assertThat(lines.get(lines.size() - 1)).endsWith("INFO  report: the report").doesNotContain("[main]");
    }
}
