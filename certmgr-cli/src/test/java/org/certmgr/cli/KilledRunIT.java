package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * process (the packaged jar) against Pebble and is killed with SIGKILL at random instants.
 * After every kill each certificate folder must hold the complete old set or a complete new
 * set whose keys match their certificates, and a last normal run must finish the job and leave
 * no half-built generation behind.
 */
@ExtendWith(PebbleExtension.class)
class KilledRunIT {
    private static final int KILLS = 8;
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

        long seed = System.nanoTime();
        Random random = new Random(seed);
        int changedSets = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Map<String, Map<String, String>> before = new TreeMap<>();
            for (String name : NAMES) {
                before.put(name, files(data.resolve(name)));
            }
            long delay = wholeRunMs / 4 + random.nextLong(wholeRunMs);
            Process run = forcedRun(config, dir.resolve("run-" + kill + ".log"));
            try {
                run.waitFor(delay, TimeUnit.MILLISECONDS);
            } finally {
                run.destroyForcibly();
                assertThat(run.waitFor(20, TimeUnit.SECONDS)).as("killed process ended").isTrue();
            }
            for (String name : NAMES) {
                Map<String, String> after = files(data.resolve(name));
                String context = "seed " + seed + ", kill " + kill + " after " + delay + " ms, " + name;
                if (!after.equals(before.get(name))) {
                    changedSets++;
                    assertThat(after.keySet()).as(context).isEqualTo(before.get(name).keySet());
                }
                assertComplete(data.resolve(name), context);
            }
        }
        System.out.println("KilledRunIT: seed " + seed + ", a whole run " + wholeRunMs + " ms, " + KILLS + " kills, "
                + changedSets + " of " + KILLS * NAMES.size() + " certificate folders replaced before a kill");

        CliRun last = CliRun.in(dir, "update");
        assertThat(last.exitCode()).as(last.err()).isEqualTo(ExitCode.SUCCESS);
        for (String name : NAMES) {
            assertComplete(data.resolve(name), "after the last run, " + name);
        }
        try (Stream<Path> all = Files.walk(data)) {
            assertThat(all.map(p -> data.relativize(p).toString()))
                    .noneMatch(p -> p.endsWith(".partial") || p.contains(".tmp-link~") || p.endsWith("client.key.next"));
        }
        assertThat(Files.readSymbolicLink(data.resolve("www.one.test"))).isEqualTo(Path.of("one.test"));
    }

    /** Every file of both key types is there, each key matches its certificate, and the combined files agree. */
    private static void assertComplete(Path folder, String context) throws Exception {
        assertThat(folder.resolve("params.pem")).as(context).isRegularFile();
        String params = Files.readString(folder.resolve("params.pem"));
        for (String type : new String[] {"rsa", "ecdsa"}) {
            Path cert = folder.resolve(type + "/cert.pem");
            Path key = folder.resolve(type + "/keys/key.pem");
            assertThat(OpenSsl.run("pkey", "-in", key.toString(), "-pubout")).as(context + " " + type + " key matches")
                    .isEqualTo(OpenSsl.run("x509", "-in", cert.toString(), "-noout", "-pubkey"));
            String certText = Files.readString(cert);
            assertThat(certText).as(context).endsWith(Files.readString(folder.resolve(type + "/chain.pem")) + params);
            assertThat(Files.readString(folder.resolve(type + "/keys/key+cert.pem"))).as(context)
                    .isEqualTo(Files.readString(key) + certText);
        }
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
        return new ProcessBuilder(List.of(javaBinary(), "-jar", packagedJar().toString(),
                "--config", config.toString(), "update", "--force"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar Maven packaged before the integration tests, with its lib/ folder next to it. */
    private static Path packagedJar() throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            files.filter(p -> p.getFileName().toString().matches("certmgr-cli-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources")
                            && !p.getFileName().toString().contains("javadoc"))
                    .forEach(jars::add);
        }
        assertThat(jars).as("packaged certmgr-cli jar in target/").hasSize(1);
        return jars.get(0).toAbsolutePath();
    }
}
