package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certmgr.adapters.fs.FsTestFiles.entries;
import static org.certmgr.adapters.fs.FsTestFiles.inode;
import static org.certmgr.adapters.fs.FsTestFiles.mode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.CommitResult;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStoreTest {
    private static final CertificateName NAME = CertificateName.of("www.example.test");
    private static final CertificateName OTHER = CertificateName.of("mail.example.test");
    private static final DnsName ALIAS = DnsName.of("example.test");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T06:07:08Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    private final FaultyFileOps ops = new FaultyFileOps();

    private CertificateStore store() {
        return new GenerationStore(dataDir, FileOwnership.CURRENT_USER, CLOCK, ops);
    }

    private static FileSet files(String... pathsAndContents) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            map.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return FileSet.of(map);
    }

    private static FileSet set(String version) {
        return files("params.pem", "params",
                "rsa/cert.pem", "rsa cert " + version,
                "rsa/chain.pem", "chain",
                "rsa/keys/key.pem", "rsa key " + version,
                "rsa/scts/log.sct", "sct " + version,
                "ecdsa/cert.pem", "ecdsa cert " + version,
                "ecdsa/keys/key.pem", "ecdsa key " + version);
    }

    private Path link() {
        return dataDir.resolve(NAME.folderName());
    }

    private List<Path> generations() throws Exception {
        return FsTestFiles.liveGenerations(dataDir.resolve(".generations").resolve(NAME.folderName()));
    }

    @Test
    void givenCommit_thenKeysAre0640AndOtherFiles0644() throws Exception {
        store().commit(NAME, set("1"), Set.of());

        assertThat(mode(link().resolve("rsa/keys/key.pem"))).isEqualTo("rw-r-----");
        assertThat(mode(link().resolve("ecdsa/keys/key.pem"))).isEqualTo("rw-r-----");
        assertThat(mode(link().resolve("rsa/cert.pem"))).isEqualTo("rw-r--r--");
        assertThat(mode(link().resolve("params.pem"))).isEqualTo("rw-r--r--");
        assertThat(mode(link().resolve("rsa/scts/log.sct"))).isEqualTo("rw-r--r--");
    }

    @Test
    void givenCommit_thenKeysFoldersAre0750AndOtherFolders0755() throws Exception {
        store().commit(NAME, set("1"), Set.of());

        assertThat(mode(link().resolve("rsa/keys"))).isEqualTo("rwxr-x---");
        assertThat(mode(link().resolve("rsa"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(link().resolve("rsa/scts"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(link().toRealPath())).isEqualTo("rwxr-xr-x");
    }

    @Test
    void givenCommit_thenNameIsARelativeLinkToAGenerationFolder() throws Exception {
        store().commit(NAME, set("1"), Set.of());

        assertThat(Files.isSymbolicLink(link())).isTrue();
        Path target = Files.readSymbolicLink(link());
        assertThat(target.isAbsolute()).isFalse();
        assertThat(target).isEqualTo(Path.of(".generations", NAME.folderName(), "0000000001"));
    }

    @Test
    void givenNewStoreOnSameFolder_thenItSeesTheCommittedSet() throws Exception {
        store().commit(NAME, set("1"), Set.of());

        CertificateStore reopened = FsAdapters.certificateStore(dataDir, FileOwnership.CURRENT_USER, CLOCK);

        assertThat(reopened.current(NAME)).contains(set("1"));
    }

    @Test
    void givenUnchangedFiles_thenTheNewGenerationSharesTheirInodes() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        long chain = inode(link().resolve("rsa/chain.pem"));
        long params = inode(link().resolve("params.pem"));
        long cert = inode(link().resolve("rsa/cert.pem"));

        store.commit(NAME, set("2"), Set.of());

        assertThat(inode(link().resolve("rsa/chain.pem"))).isEqualTo(chain);
        assertThat(inode(link().resolve("params.pem"))).isEqualTo(params);
        assertThat(inode(link().resolve("rsa/cert.pem"))).isNotEqualTo(cert);
        Path archived = FsTestFiles.archiveFolders(dataDir, NAME.folderName()).get(0);
        assertThat(inode(archived.resolve("rsa/chain.pem"))).isEqualTo(chain);
    }

    @Test
    void givenReplacedSet_thenArchiveFolderIsNamedByTheClockInUtc() throws Exception {
        Clock paris = Clock.fixed(Instant.parse("2024-03-05T06:07:08Z"), ZoneId.of("Europe/Paris"));
        CertificateStore store = new GenerationStore(dataDir, FileOwnership.CURRENT_USER, paris, ops);
        store.commit(NAME, set("1"), Set.of());

        store.commit(NAME, set("2"), Set.of());

        assertThat(entries(dataDir.resolve("archives").resolve(NAME.folderName())))
                .extracting(p -> p.getFileName().toString()).containsExactly("2024_03_05_060708");
    }

    @Test
    void givenTwoReplacementsInOneSecond_thenTheSecondArchiveGetsASuffix() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        store.commit(NAME, set("2"), Set.of());

        store.commit(NAME, set("3"), Set.of());

        assertThat(FsTestFiles.archiveFolders(dataDir, NAME.folderName()))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("2024_03_05_060708", "2024_03_05_060708.1");
        assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).containsExactly(set("1"), set("2"));
    }

    @Test
    void givenSameSet_thenNoGenerationIsMadeAndNothingArchived() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        Path before = link().toRealPath();

        CommitResult result = store.commit(NAME, set("1"), Set.of());

        assertThat(result.changed()).isFalse();
        assertThat(link().toRealPath()).isEqualTo(before);
        assertThat(generations()).hasSize(1);
        assertThat(Files.exists(dataDir.resolve("archives"))).isFalse();
    }

    @Test
    void givenLegacyRealFolder_thenCurrentReadsIt() throws Exception {
        writeLegacyFolder();

        assertThat(store().current(NAME)).contains(files("rsa/cert.pem", "legacy cert", "rsa/chain.pem", "chain",
                "rsa/keys/key.pem", "legacy key"));
    }

    @Test
    void givenLegacyRealFolder_thenCommitArchivesItAndInstallsTheLink() throws Exception {
        writeLegacyFolder();
        long legacyChain = inode(link().resolve("rsa/chain.pem"));
        FileSet next = files("rsa/cert.pem", "new cert", "rsa/chain.pem", "chain", "rsa/keys/key.pem", "new key");

        CommitResult result = store().commit(NAME, next, Set.of());

        assertThat(Files.isSymbolicLink(link())).isTrue();
        assertThat(store().current(NAME)).contains(next);
        assertThat(result.written()).containsExactly("rsa/cert.pem", "rsa/keys/key.pem");
        Path archived = FsTestFiles.archiveFolders(dataDir, NAME.folderName()).get(0);
        assertThat(Files.readString(archived.resolve("rsa/cert.pem"))).isEqualTo("legacy cert");
        assertThat(Files.readString(archived.resolve(".hidden-note"))).isEqualTo("kept with the folder");
        assertThat(inode(link().resolve("rsa/chain.pem"))).isEqualTo(legacyChain);
    }

    @Test
    void givenLegacyKeyWithLooseMode_thenTheNewGenerationGetsAFresh0640Copy() throws Exception {
        writeLegacyFolder();
        Files.setPosixFilePermissions(link().resolve("rsa/keys/key.pem"),
                PosixFilePermissions.fromString("rw-r--r--"));
        long legacyKey = inode(link().resolve("rsa/keys/key.pem"));
        FileSet next = files("rsa/cert.pem", "new cert", "rsa/chain.pem", "chain", "rsa/keys/key.pem", "legacy key");

        store().commit(NAME, next, Set.of());

        assertThat(inode(link().resolve("rsa/keys/key.pem"))).isNotEqualTo(legacyKey);
        assertThat(mode(link().resolve("rsa/keys/key.pem"))).isEqualTo("rw-r-----");
    }

    private void writeLegacyFolder() throws Exception {
        Files.createDirectories(link().resolve("rsa/keys"));
        Files.writeString(link().resolve("rsa/cert.pem"), "legacy cert");
        Files.writeString(link().resolve("rsa/chain.pem"), "chain");
        Files.writeString(link().resolve("rsa/keys/key.pem"), "legacy key");
        Files.writeString(link().resolve(".hidden-note"), "kept with the folder");
        Files.setPosixFilePermissions(link().resolve("rsa/chain.pem"),
                PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(link().resolve("rsa/keys/key.pem"),
                PosixFilePermissions.fromString("rw-r-----"));
    }

    @Test
    void givenAliases_thenEachIsARelativeLinkToTheName() throws Exception {
        store().commit(NAME, set("1"), Set.of(ALIAS, NAME.dnsName()));

        Path alias = dataDir.resolve(ALIAS.ascii());
        assertThat(Files.readSymbolicLink(alias)).isEqualTo(Path.of(NAME.folderName()));
        assertThat(Files.readString(alias.resolve("rsa/cert.pem"))).isEqualTo("rsa cert 1");
    }

    @Test
    void givenSameSetAndALostAliasLink_thenOnlyTheLinkIsRestored() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of(ALIAS));
        Files.delete(dataDir.resolve(ALIAS.ascii()));

        CommitResult result = store.commit(NAME, set("1"), Set.of(ALIAS));

        assertThat(result.changed()).isFalse();
        assertThat(generations()).hasSize(1);
        assertThat(Files.readSymbolicLink(dataDir.resolve(ALIAS.ascii()))).isEqualTo(Path.of(NAME.folderName()));
    }

    @Test
    void givenStaleAliasLink_thenItIsReplaced() throws Exception {
        Files.createSymbolicLink(dataDir.resolve(ALIAS.ascii()), Path.of("old.example.test"));

        store().commit(NAME, set("1"), Set.of(ALIAS));

        assertThat(Files.readSymbolicLink(dataDir.resolve(ALIAS.ascii()))).isEqualTo(Path.of(NAME.folderName()));
    }

    @Test
    void givenAliasThatIsARealFolder_thenItIsLeftAloneAndReported() throws Exception {
        Path real = dataDir.resolve(ALIAS.ascii());
        Files.createDirectories(real);
        Files.writeString(real.resolve("cert.pem"), "someone else's");
        StoreLayout layout = new StoreLayout(dataDir);

        List<String> skipped = new AliasLinks(layout, new Links(layout, ops), ops).update(NAME, Set.of(ALIAS))
                .skipped();
        store().commit(NAME, set("1"), Set.of(ALIAS));

        assertThat(Files.isSymbolicLink(real)).isFalse();
        assertThat(Files.readString(real.resolve("cert.pem"))).isEqualTo("someone else's");
        assertThat(skipped).singleElement().asString().contains(real.toString()).contains("real folder");
    }

    @Test
    void givenAliasThatIsAnotherCertificatesFolder_thenItsLinkIsLeftAloneAndReported() throws Exception {
        CertificateStore store = store();
        store.commit(OTHER, set("other"), Set.of());
        Path otherLink = dataDir.resolve(OTHER.folderName());
        Path otherTarget = Files.readSymbolicLink(otherLink);
        StoreLayout layout = new StoreLayout(dataDir);

        store.commit(NAME, set("1"), Set.of(OTHER.dnsName()));
        List<String> skipped = new AliasLinks(layout, new Links(layout, ops), ops)
                .update(NAME, Set.of(OTHER.dnsName())).skipped();

        assertThat(Files.readSymbolicLink(otherLink)).isEqualTo(otherTarget);
        assertThat(store.current(OTHER)).contains(set("other"));
        assertThat(skipped).singleElement().asString().contains("another certificate");
    }

    @Test
    void givenNameThatWasAnAliasOfAnotherCertificate_thenItBecomesItsOwnFolder() throws Exception {
        CertificateStore store = store();
        store.commit(OTHER, set("other"), Set.of(NAME.dnsName()));
        assertThat(Files.readSymbolicLink(link())).isEqualTo(Path.of(OTHER.folderName()));
        assertThat(store.current(NAME)).isEmpty();

        store.commit(NAME, set("mine"), Set.of());

        assertThat(store.current(NAME)).contains(set("mine"));
        assertThat(store.current(OTHER)).contains(set("other"));
    }

    @Test
    void givenFileWhereTheFolderShouldBe_thenCommitAndCurrentFailNamingIt() throws Exception {
        Files.writeString(link(), "not a folder");

        assertThatThrownBy(() -> store().commit(NAME, set("1"), Set.of())).isInstanceOf(StoreException.class)
                .hasMessageContaining(link().toString()).hasMessageContaining("is a file");
        assertThatThrownBy(() -> store().current(NAME)).isInstanceOf(StoreException.class)
                .hasMessageContaining(link().toString());
        assertThat(Files.readString(link())).isEqualTo("not a folder");
    }

    @Test
    void givenWriteFailureMidway_thenPreviousSetIsIntactAndNothingIsLeftBehind() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        List<Path> generationsBefore = generations();
        ops.failWriteAfter(2);

        assertThatThrownBy(() -> store.commit(NAME, set("2"), Set.of(ALIAS))).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot write " + dataDir.resolve(".generations"))
                .hasMessageContaining("No space left on device");

        assertThat(store.current(NAME)).contains(set("1"));
        assertThat(generations()).isEqualTo(generationsBefore);
        assertThat(Files.exists(dataDir.resolve("archives"))).isFalse();
        assertThat(FsTestFiles.temporaryLinks(dataDir)).isEmpty();
        assertThat(Files.exists(dataDir.resolve(ALIAS.ascii()), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void givenSwitchFailure_thenPreviousSetIsIntactAndTheNewGenerationRemoved() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        List<Path> generationsBefore = generations();
        ops.failOnReplaceOf(link()::equals);

        assertThatThrownBy(() -> store.commit(NAME, set("2"), Set.of())).isInstanceOf(StoreException.class)
                .hasMessageContaining(link().toString());

        assertThat(store.current(NAME)).contains(set("1"));
        assertThat(generations()).isEqualTo(generationsBefore);
        assertThat(FsTestFiles.temporaryLinks(dataDir)).isEmpty();
    }

    @Test
    void givenSwitchFailureDuringLegacyMigration_thenTheLegacyFolderIsPutBack() throws Exception {
        writeLegacyFolder();
        FileSet legacy = store().current(NAME).orElseThrow();
        ops.failOnReplaceOf(link()::equals);

        assertThatThrownBy(() -> store().commit(NAME, set("2"), Set.of())).isInstanceOf(StoreException.class);

        assertThat(Files.isDirectory(link(), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(store().current(NAME)).contains(legacy);
        assertThat(generations()).isEmpty();
    }

    @Test
    void givenCrashWhileWriting_thenTheNextCommitRemovesTheHalfBuiltGeneration() throws Exception {
        store().commit(NAME, set("1"), Set.of());
        Path partial = dataDir.resolve(".generations").resolve(NAME.folderName()).resolve("0000000002.partial");
        Files.createDirectories(partial.resolve("rsa"));
        Files.writeString(partial.resolve("rsa/cert.pem"), "half");
        Files.createSymbolicLink(dataDir.resolve(".tmp-link~" + NAME.folderName() + "~" + NAME.folderName() + "~x"),
                Path.of(".generations", NAME.folderName(), "0000000002"));

        store().commit(NAME, set("3"), Set.of());

        assertThat(store().current(NAME)).contains(set("3"));
        assertThat(generations()).hasSize(1);
        assertThat(FsTestFiles.temporaryLinks(dataDir)).isEmpty();
        assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).containsExactly(set("1"));
    }

    @Test
    void givenCrashJustBeforeTheSwitch_thenTheOldSetStaysAndTheNextCommitDropsTheUnswitchedGeneration()
            throws Exception {
        store().commit(NAME, set("1"), Set.of());
        ops.crashOnReplaceOf(link()::equals);

        assertThatThrownBy(() -> store().commit(NAME, set("2"), Set.of()))
                .isInstanceOf(FaultyFileOps.SimulatedCrash.class);
        assertThat(store().current(NAME)).contains(set("1"));
        assertThat(generations()).hasSize(2);
        assertThat(FsTestFiles.temporaryLinks(dataDir)).hasSize(1);

        CertificateStore restarted = FsAdapters.certificateStore(dataDir, FileOwnership.CURRENT_USER, CLOCK);
        restarted.commit(NAME, set("3"), Set.of());

        assertThat(restarted.current(NAME)).contains(set("3"));
        assertThat(generations()).hasSize(1);
        assertThat(FsTestFiles.temporaryLinks(dataDir)).isEmpty();
        assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).containsExactly(set("1"));
    }

    @Test
    void givenARetireInterruptedAtEveryStep_thenTheFilesAreEitherStillInstalledOrGoneForGood() throws Exception {
        DnsName alias = DnsName.of("example.test");
        store().commit(NAME, set("1"), Set.of(alias));
        store().commit(NAME, set("2"), Set.of(alias));
        ops.countSteps();
        store().retire(NAME, Set.of(alias));
        int steps = ops.steps();
        assertThat(steps).isGreaterThan(2);
        for (int k = 1; k <= steps; k++) {
            Path fresh = dataDir.resolve("retire-" + k);
            FaultyFileOps faulty = new FaultyFileOps();
            CertificateStore store = new GenerationStore(fresh, FileOwnership.CURRENT_USER, CLOCK, faulty);
            store.commit(NAME, set("1"), Set.of(alias));
            store.commit(NAME, set("2"), Set.of(alias));
            faulty.crashAtStep(k);
            int step = k;
            assertThatThrownBy(() -> store.retire(NAME, Set.of(alias))).as("step %d", step)
                    .isInstanceOf(FaultyFileOps.SimulatedCrash.class);

            CertificateStore restarted = FsAdapters.certificateStore(fresh, FileOwnership.CURRENT_USER, CLOCK);
            Optional<FileSet> after = restarted.current(NAME);
            assertThat(after.isEmpty() || after.get().equals(set("2"))).as("step %d: %s", step, after).isTrue();
            restarted.retire(NAME, Set.of(alias));
            assertThat(restarted.current(NAME)).as("step %d, retired again", step).isEmpty();
            assertThat(Files.exists(fresh.resolve(alias.ascii()), LinkOption.NOFOLLOW_LINKS)).as("step %d: alias", step)
                    .isFalse();
            assertThat(FsTestFiles.archivedSets(fresh, NAME.folderName())).as("step %d", step).contains(set("2"));
            restarted.commit(NAME, set("3"), Set.of());
            assertThat(restarted.current(NAME)).as("step %d, installed again", step).contains(set("3"));
        }
    }

    @Test
    void givenCrashAfterTheSwitchBeforeArchiving_thenTheNewSetIsInstalledAndTheNextCommitArchivesTheOld()
            throws Exception {
        store().commit(NAME, set("1"), Set.of());
        ops.crashOnRenameTo(p -> p.startsWith(dataDir.resolve("archives")));

        assertThatThrownBy(() -> store().commit(NAME, set("2"), Set.of()))
                .isInstanceOf(FaultyFileOps.SimulatedCrash.class);
        assertThat(store().current(NAME)).contains(set("2"));
        // The replaced generation is kept for readers, its archive copy staged but not yet named.
        assertThat(generations()).hasSize(1);
        assertThat(FsTestFiles.entries(dataDir.resolve(".generations").resolve(NAME.folderName()))).hasSize(3);
        assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).isEmpty();

        CertificateStore restarted = FsAdapters.certificateStore(dataDir, FileOwnership.CURRENT_USER, CLOCK);
        CommitResult result = restarted.commit(NAME, set("2"), Set.of());

        assertThat(result.changed()).isFalse();
        assertThat(restarted.current(NAME)).contains(set("2"));
        assertThat(FsTestFiles.entries(dataDir.resolve(".generations").resolve(NAME.folderName()))).hasSize(1);
        assertThat(FsTestFiles.archivedSets(dataDir, NAME.folderName())).containsExactly(set("1"));
    }

    @Test
    void givenCrashInsideTheLegacyMigrationWindow_thenRecoveryLinksTheNewGeneration() throws Exception {
        writeLegacyFolder();
        FileSet next = set("2");
        ops.crashOnReplaceOf(link()::equals);

        assertThatThrownBy(() -> store().commit(NAME, next, Set.of()))
                .isInstanceOf(FaultyFileOps.SimulatedCrash.class);
        assertThat(Files.exists(link(), LinkOption.NOFOLLOW_LINKS)).isFalse();

        CertificateStore restarted = FsAdapters.certificateStore(dataDir, FileOwnership.CURRENT_USER, CLOCK);
        CommitResult result = restarted.commit(NAME, next, Set.of());

        assertThat(result.changed()).isFalse();
        assertThat(restarted.current(NAME)).contains(next);
        assertThat(Files.readString(FsTestFiles.archiveFolders(dataDir, NAME.folderName()).get(0)
                .resolve("rsa/cert.pem"))).isEqualTo("legacy cert");
    }

    @Test
    void givenCrashBeforeMigratingALegacyFolder_thenTheLegacyFolderStaysAndTheGenerationIsDropped()
            throws Exception {
        writeLegacyFolder();
        FileSet legacy = store().current(NAME).orElseThrow();
        ops.crashOnRenameTo(p -> p.startsWith(dataDir.resolve("archives")));

        assertThatThrownBy(() -> store().commit(NAME, set("2"), Set.of()))
                .isInstanceOf(FaultyFileOps.SimulatedCrash.class);
        assertThat(store().current(NAME)).contains(legacy);

        CertificateStore restarted = FsAdapters.certificateStore(dataDir, FileOwnership.CURRENT_USER, CLOCK);
        restarted.commit(NAME, set("3"), Set.of());

        assertThat(restarted.current(NAME)).contains(set("3"));
        assertThat(generations()).hasSize(1);
    }

    @Test
    void givenUnknownFileUser_thenCommitFailsNamingItAndInstallsNothing() throws Exception {
        CertificateStore store = new GenerationStore(dataDir,
                new FileOwnership(Optional.of("no-such-user-certmgr"), Optional.empty()), CLOCK, ops);

        assertThatThrownBy(() -> store.commit(NAME, set("1"), Set.of())).isInstanceOf(StoreException.class)
                .hasMessageContaining("file_user \"no-such-user-certmgr\"");

        assertThat(store.current(NAME)).isEmpty();
        assertThat(generations()).isEmpty();
    }

    @Test
    void givenEightCertificatesCommittedFromEightThreads_thenNoLeftoversRemain() throws Exception {
        CertificateStore store = store();
        List<CertificateName> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add(CertificateName.of("c" + i + ".example.test"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (CertificateName name : names) {
                futures.add(pool.submit(() -> {
                    for (int round = 1; round <= 4; round++) {
                        store.commit(name, set(name + " " + round), Set.of(DnsName.of("alias." + name)));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        for (CertificateName name : names) {
            assertThat(store.current(name)).contains(set(name + " 4"));
            assertThat(FsTestFiles.liveGenerations(dataDir.resolve(".generations").resolve(name.folderName()))).hasSize(1);
            assertThat(FsTestFiles.archivedSets(dataDir, name.folderName())).hasSize(3);
        }
        assertThat(FsTestFiles.temporaryLinks(dataDir)).isEmpty();
    }
}
