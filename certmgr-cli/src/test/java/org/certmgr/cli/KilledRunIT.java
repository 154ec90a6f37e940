package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, proven on the real program: {@code certmgr update --force} runs as its own
 * process (the launcher {@code scripts/certmgr}) against Pebble and is killed with SIGKILL, by
 * PID, at 20 random instants of a seeded random (the seed is printed; {@code -Dkilledrun.seed}
 * repeats a run, {@code -Dkilledrun.kills} changes the count).
 * After every kill each certificate folder must hold the complete old set or a complete new
 * set whose keys match their certificates, and the next run must succeed and leave no
 * half-built generation behind.
 */
@ExtendWith(PebbleExtension.class)
class KilledRunIT {
    private static final int KILLS = Integer.getInteger("killedrun.kills", 20);
    private static final List<String> NAMES = List.of("one.test", "two.test", "three.test");

    @TempDir
    Path dir;

    @Test
    void givenRunsKilledAtRandomInstants_thenEveryFolderIsCompleteOldOrNewAndTheNextRunFinishes(
            PebbleServer pebble, ChallengeWebServer web) throws Exception {
        Path data = dir.resolve("data");
        Path config = ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\",\n"
                + "    \"http_challenge_dir\": " + ConfigFiles.json(web.webRoot().resolve("{fqdn}/.well-known/acme-challenge")) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + "\n"
                + "  },\n"
                + "  \"certificates\": [ { \"name\": \"one.test\", \"alt_names\": { \"one.test\": [\"@\", \"www\"] } },"
                + " { \"name\": \"two.test\" }, { \"name\": \"three.test\" } ]\n"
                + "}\n");
        CliRun first = CliRun.in(dir, "update");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.SUCCESS);

        // A whole forced run, to know when the commits happen: the kills fall anywhere in it.
        long started = System.nanoTime();
        Process whole = forcedRun(config, dir.resolve("whole-run.log"));
        try {
            assertThat(whole.waitFor(120, TimeUnit.SECONDS)).as("a whole forced run ends").isTrue();
        } finally {
            whole.destroyForcibly();
        }
        assertThat(whole.exitValue()).as(Files.readString(dir.resolve("whole-run.log"))).isZero();
        long wholeRunMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        long seed = Long.getLong("killedrun.seed", System.nanoTime());
        System.out.println("KilledRunIT: seed " + seed + " (rerun with -Dkilledrun.seed=" + seed + ")");
        Random random = new Random(seed);
        int changedSets = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Map<String, Map<String, String>> before = new TreeMap<>();
            for (String name : NAMES) {
                before.put(name, files(data.resolve(name)));
            }
            // From a fifth of a run (the JVM is starting) to just past its end.
            long delay = wholeRunMs / 5 + random.nextLong(wholeRunMs);
            Process run = forcedRun(config, dir.resolve("run-" + kill + ".log"));
            try {
                run.waitFor(delay, TimeUnit.MILLISECONDS);
            } finally {
                ProcessHandle.of(run.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL by PID
                assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("killed process ended").isTrue();
            }
            for (String name : NAMES) {
                Map<String, String> after = files(data.resolve(name));
                String context = "seed " + seed + ", kill " + kill + " after " + delay + " ms, " + name;
                if (!after.equals(before.get(name))) {
                    changedSets++;
                    assertThat(after.keySet()).as(context).isEqualTo(before.get(name).keySet());
                }
                InstalledFiles.assertComplete(data.resolve(name), context);
            }
            assertThat(Files.readSymbolicLink(data.resolve("www.one.test"))).isEqualTo(Path.of("one.test"));
        }
        System.out.println("KilledRunIT: seed " + seed + ", a whole run " + wholeRunMs + " ms, " + KILLS + " kills, "
                + changedSets + " of " + KILLS * NAMES.size() + " certificate folders replaced before a kill, "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) + " s in all");

        // Usually nothing is due now: the run commits nothing, yet removes what the kills left.
        CliRun next = CliRun.in(dir, "update");
        assertThat(next.exitCode()).as(next.err()).isEqualTo(ExitCode.SUCCESS);
        for (String name : NAMES) {
            InstalledFiles.assertComplete(data.resolve(name), "after the next run, " + name);
        }
        InstalledFiles.assertNothingHalfWritten(data);
        assertThat(Files.readSymbolicLink(data.resolve("www.one.test"))).isEqualTo(Path.of("one.test"));
    }

    private static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        // The folder is a link to the current generation: walk what it leads to.
        Path real = folder.toRealPath();
        try (Stream<Path> paths = Files.walk(real)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    contents.put(real.relativize(p).toString(), Files.readString(p));
                }
            }
        }
        return contents;
    }

    private static Process forcedRun(Path config, Path log) throws IOException {
        return Launcher.start(config.getParent(), log, "--config", config.toString(), "update", "--force");
    }
}
