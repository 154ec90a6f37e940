package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit stopped dead at each of its file operations in turn, as kill -9 or a power cut
 * would stop it: {@link FaultyFileOps} throws an {@code Error} that the store does not catch,
 * so none of its clean-up runs. After every such crash, the certificate's folder (and its alias)
 * must hold exactly the complete old set or exactly the complete new set, and a fresh store on
 * the same {@code data_dir} must then finish the job and leave nothing half-done behind.
 *
 * <p>Syncs are steps like any other but do not reach the disk here: the crash simulated is a
 * killed process, whose written data the kernel keeps. What a power cut could lose is the
 * business of the syncs' order, which {@link GenerationBuilder} and {@link Archiver} document.
 */
class GenerationStoreCrashTest {
    private static final CertificateName NAME = CertificateName.of("www.example.test");
    private static final DnsName ALIAS = DnsName.of("example.test");
    private static final Set<DnsName> ALIASES = Set.of(ALIAS);

    @TempDir
    Path root;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** Two key types, each with every file, and the parameters: every file differs between versions. */
    private static FileSet set(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String type : new String[] {"rsa", "ecdsa"}) {
            files.put(type + "/cert.pem", bytes(type + " cert " + version));
            files.put(type + "/chain.pem", bytes(type + " chain " + version));
            files.put(type + "/keys/key.pem", bytes(type + " key " + version));
            files.put(type + "/keys/key+cert.pem", bytes(type + " key+cert " + version));
        }
        files.put("params.pem", bytes("params " + version));
        return FileSet.of(files);
    }

    /** A renewal of {@code set("old")}: new certificates and keys, the same chains and parameters (hard-linked). */
    private static FileSet renewed() {
        FileSet old = set("old");
        Map<String, byte[]> unchanged = new LinkedHashMap<>();
        for (String path : List.of("rsa/chain.pem", "ecdsa/chain.pem", "params.pem")) {
            unchanged.put(path, old.content(path).orElseThrow());
        }
        return set("new").with(FileSet.of(unchanged));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * File operations that do not force anything to disk: a killed process loses nothing the
     * kernel holds, and some 200 commits with real syncs would make this test slow.
     */
    private static FaultyFileOps fileOps() {
        return new FaultyFileOps().withoutSync();
    }

    private CertificateStore store(Path dataDir, FileOps ops) {
        return new GenerationStore(dataDir, FileOwnership.CURRENT_USER, clock, ops);
    }

    /** Counts the file operations of committing {@code next} over {@code old} (or over nothing). */
    private int stepsOfCommit(Optional<FileSet> old, FileSet next) throws Exception {
        Path dataDir = Files.createDirectory(root.resolve("count"));
        if (old.isPresent()) {
            store(dataDir, fileOps()).commit(NAME, old.get(), ALIASES);
        }
        FaultyFileOps ops = fileOps();
        ops.countSteps();
        store(dataDir, ops).commit(NAME, next, ALIASES);
        return ops.steps();
    }

    @Test
    void givenACrashAtEveryStepOfAReplacingCommit_thenTheOldOrTheNewSetIsInstalledAndTheNextRunFinishes()
            throws Exception {
        FileSet old = set("old");
        FileSet next = renewed();
        int steps = stepsOfCommit(Optional.of(old), next);
        assertThat(steps).isGreaterThan(30);
        int firstNew = 0;

        for (int k = 1; k <= steps; k++) {
            Path dataDir = Files.createDirectory(root.resolve("crash-" + k));
            store(dataDir, fileOps()).commit(NAME, old, ALIASES);

            crashAt(k, dataDir, next);

            FileSet seen = readThrough(dataDir, NAME.folderName()).orElseThrow(
                    () -> new AssertionError("nothing installed after a crash at step"));
            assertThat(seen).as("files after a crash at step %d of %d", k, steps).isIn(old, next);
            assertThat(readThrough(dataDir, ALIAS.ascii())).as("files of the alias after a crash at step %d", k)
                    .contains(seen);
            if (seen.equals(next) && firstNew == 0) {
                firstNew = k;
            }
            assertThat(firstNew == 0 || seen.equals(next)).as("the new set, once seen, stays (step %d)", k).isTrue();

            restartAndFinish(dataDir, next, k);
            assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).as("archives after step %d", k)
                    .containsExactly(old);
            Path archive = FsTestFiles.archiveFolders(dataDir, NAME.folderName()).get(0);
            assertThat(Files.readString(archive.resolve("rsa/keys/key.pem"))).isEqualTo("rsa key old");
            assertThat(Files.readString(archive.resolve("ecdsa/keys/key.pem"))).isEqualTo("ecdsa key old");
        }
        assertThat(firstNew).as("the step that switches to the new set").isGreaterThan(1).isLessThanOrEqualTo(steps);
        assertThat(stepsAfterLastCrashPoint(old, next, steps)).isEqualTo(steps);
    }

    @Test
    void givenACrashAtEveryStepOfAFirstCommit_thenNothingOrTheNewSetIsInstalledAndTheNextRunFinishes()
            throws Exception {
        FileSet next = set("new");
        int steps = stepsOfCommit(Optional.empty(), next);

        for (int k = 1; k <= steps; k++) {
            Path dataDir = Files.createDirectory(root.resolve("crash-" + k));

            crashAt(k, dataDir, next);

            Optional<FileSet> seen = readThrough(dataDir, NAME.folderName());
            if (seen.isPresent()) {
                assertThat(seen.get()).as("files after a crash at step %d of %d", k, steps).isEqualTo(next);
            }
            assertThat(store(dataDir, fileOps()).current(NAME)).isEqualTo(seen);

            restartAndFinish(dataDir, next, k);
            assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).as("archives after step %d", k).isEmpty();
        }
    }

    @Test
    void givenACrashAtEveryStepOfAReplacingCommit_thenRecoverAloneKeepsTheInstalledSetAndLeavesNothingHalfDone()
            throws Exception {
        FileSet old = set("old");
        FileSet next = renewed();
        int steps = stepsOfCommit(Optional.of(old), next);

        for (int k = 1; k <= steps; k++) {
            Path dataDir = Files.createDirectory(root.resolve("recover-" + k));
            store(dataDir, fileOps()).commit(NAME, old, ALIASES);
            crashAt(k, dataDir, next);
            FileSet seen = readThrough(dataDir, NAME.folderName()).orElseThrow();

            // A run with nothing due: it recovers, but does not commit.
            CertificateStore restarted = store(dataDir, fileOps());
            restarted.recover(NAME);

            assertThat(restarted.current(NAME)).as("installed after recovering from step %d", k).contains(seen);
            assertThat(readThrough(dataDir, ALIAS.ascii())).contains(seen);
            assertThat(FsTestFiles.liveGenerations(dataDir.resolve(".generations").resolve(NAME.folderName())))
                    .as("generations after recovering from step %d", k).singleElement()
                    .satisfies(g -> assertThat(g.getFileName().toString()).doesNotEndWith(".partial"));
            assertThat(FsTestFiles.temporaryLinks(dataDir)).as("temporary links after step %d", k).isEmpty();
            assertThat(partials(dataDir)).as("half-built folders after step %d", k).isEmpty();
            assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).as("archives after step %d", k)
                    .isEqualTo(seen.equals(next) ? List.of(old) : List.of());
            assertThat(restarted.recover(NAME).actions()).as("a second recovery after step %d", k).isEmpty();

            restartAndFinish(dataDir, next, k);
            assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).containsExactly(old);
        }
    }

    private void crashAt(int k, Path dataDir, FileSet next) {
        FaultyFileOps ops = fileOps();
        ops.crashAtStep(k);
        CertificateStore crashing = store(dataDir, ops);
        assertThatThrownBy(() -> crashing.commit(NAME, next, ALIASES)).as("commit crashing at step %d", k)
                .isInstanceOf(FaultyFileOps.SimulatedCrash.class);
    }

    /** A new process (a new store with working file operations) commits {@code next} and tidies up. */
    private void restartAndFinish(Path dataDir, FileSet next, int k) throws Exception {
        CertificateStore restarted = store(dataDir, fileOps());
        restarted.commit(NAME, next, ALIASES);

        assertThat(restarted.current(NAME)).as("after restarting from a crash at step %d", k).contains(next);
        assertThat(readThrough(dataDir, ALIAS.ascii())).contains(next);
        assertThat(FsTestFiles.liveGenerations(dataDir.resolve(".generations").resolve(NAME.folderName())))
                .as("generations after step %d", k).singleElement()
                .satisfies(g -> assertThat(g.getFileName().toString()).doesNotEndWith(".partial"));
        assertThat(FsTestFiles.temporaryLinks(dataDir)).as("temporary links after step %d", k).isEmpty();
        assertThat(partials(dataDir)).as("half-built folders after step %d", k).isEmpty();
    }

    /** With the crash one step beyond the last, the commit completes: the count covers every step. */
    private int stepsAfterLastCrashPoint(FileSet old, FileSet next, int steps) throws Exception {
        Path dataDir = Files.createDirectory(root.resolve("no-crash"));
        store(dataDir, fileOps()).commit(NAME, old, ALIASES);
        FaultyFileOps ops = fileOps();
        ops.crashAtStep(steps + 1);
        store(dataDir, ops).commit(NAME, next, ALIASES);
        return ops.steps();
    }

    private static Optional<FileSet> readThrough(Path dataDir, String entry) throws Exception {
        Path link = dataDir.resolve(entry);
        if (!Files.isDirectory(link)) {
            return Optional.empty();
        }
        return Optional.of(FolderReader.read(link.toRealPath()));
    }

    private static List<Path> partials(Path dataDir) throws Exception {
        try (Stream<Path> all = Files.walk(dataDir)) {
            return all.filter(p -> p.getFileName().toString().endsWith(".partial")
                    || p.getFileName().toString().startsWith(".tmp-link~"))
                    .filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }
}
