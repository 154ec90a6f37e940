package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.CommitResult;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoreException;
import org.certmgr.testkit.fakes.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CertificateStore}: extend it with a test class for your adapter.
 *
 * <p>The hooks below let the suite observe what the port itself cannot show (file modes,
 * aliases, archives, what a location names), spoil what {@link CertificateStore#check} must
 * repair, and provoke failures. They refer to the store most recently returned by
 * {@link #newStore()}, which is called before each test and must time archives by
 * {@link #clock()}.
 *
 * <p>Atomicity across a crash cannot be tested through the port alone; an adapter adds its own
 * tests for that.
 */
public abstract class CertificateStoreContract {
    /** A certificate name used by the tests. */
    protected static final CertificateName NAME = CertificateName.of("www.example.test");
    /** A second, independent certificate. */
    protected static final CertificateName OTHER = CertificateName.of("mail.example.test");

    /** The instant {@link #clock()} starts at: a whole second, so archive names carry it exactly. */
    protected static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private CertificateStore store;

    /**
     * Creates an empty store for one test.
     *
     * @return the store under test, timing its archives by {@link #clock()}
     * @throws Exception when it cannot be created
     */
    protected abstract CertificateStore newStore() throws Exception;

    /**
     * Returns the clock the store must time its archives by; tests move it forward.
     *
     * @return the clock, at {@link #START} when a test begins
     */
    protected final MutableClock clock() {
        return clock;
    }

    /**
     * Tells whether a stored file can be read by users other than its owner and group.
     *
     * @param name the certificate
     * @param path the file's relative path
     * @return true when others can read it
     * @throws Exception when it cannot be found out (e.g. the file does not exist)
     */
    protected abstract boolean readableByOthers(CertificateName name, String path) throws Exception;

    /**
     * Returns the files reachable under an alias, e.g. through the link {@code data_dir/<alias>}.
     *
     * @param alias the alias
     * @return the files, or empty when the alias leads nowhere
     * @throws Exception when it cannot be found out
     */
    protected abstract Optional<FileSet> reachableAs(DnsName alias) throws Exception;

    /**
     * Returns the sets kept in the archive for a certificate, oldest first.
     *
     * @param name the certificate
     * @return the archived sets
     * @throws Exception when they cannot be read
     */
    protected abstract List<FileSet> archived(CertificateName name) throws Exception;

    /**
     * Makes the next commit fail with a {@link StoreException} part-way through writing, e.g.
     * after its first file. A store that cannot simulate this may abort the test with
     * {@code Assumptions.abort}.
     *
     * @throws Exception when it cannot be arranged
     */
    protected abstract void failNextCommit() throws Exception;

    /**
     * Reads the file a location from {@link CertificateStore#location} names now.
     *
     * @param location the location
     * @return its content, or empty when it names no file
     * @throws Exception when it cannot be found out
     */
    protected abstract Optional<byte[]> readLocation(String location) throws Exception;

    /**
     * Makes the next {@link CertificateStore#deleteArchives} of {@code name} fail to delete the
     * oldest of the archives it should delete (e.g. a file in it that may not be removed).
     *
     * @param name the certificate
     * @throws Exception when it cannot be arranged
     */
    protected abstract void failDeletingOldestArchive(CertificateName name) throws Exception;

    /**
     * Gives an installed file the wrong mode: a secret file becomes readable by others, another
     * file unreadable by others.
     *
     * @param name the certificate
     * @param path the file's relative path
     * @throws Exception when it cannot be arranged
     */
    protected abstract void spoilMode(CertificateName name, String path) throws Exception;

    /**
     * Removes an alias as an operator might by hand (for a file system: deletes the link).
     *
     * @param alias the alias
     * @throws Exception when it cannot be arranged
     */
    protected abstract void removeAlias(DnsName alias) throws Exception;

    /**
     * Puts something that is not an alias where an alias would go (for a file system: a real
     * folder holding a file).
     *
     * @param alias the name it takes
     * @throws Exception when it cannot be arranged
     */
    protected abstract void occupy(DnsName alias) throws Exception;

    /**
     * Tells whether what {@link #occupy} put under a name is still there, unchanged.
     *
     * @param alias the name
     * @return true when it is still there
     * @throws Exception when it cannot be found out
     */
    protected abstract boolean stillOccupied(DnsName alias) throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    /**
     * Returns the store of the current test.
     *
     * @return the store
     */
    protected final CertificateStore store() {
        return store;
    }

    /**
     * Builds a file set from path/content pairs.
     *
     * @param pathsAndContents path1, content1, path2, content2, ...
     * @return the set
     */
    protected static FileSet files(String... pathsAndContents) {
        Map<String, byte[]> map = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            map.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return FileSet.of(map);
    }

    /**
     * A typical set with an RSA and an ECDSA key.
     *
     * @param version text mixed into every file so that two versions differ everywhere
     * @return the set
     */
    protected static FileSet typicalSet(String version) {
        return files("rsa/cert.pem", "rsa cert " + version,
                "rsa/chain.pem", "chain " + version,
                "rsa/keys/key.pem", "rsa key " + version,
                "ecdsa/cert.pem", "ecdsa cert " + version,
                "ecdsa/chain.pem", "chain " + version,
                "ecdsa/keys/key.pem", "ecdsa key " + version);
    }

    @Test
    void givenNothingCommitted_thenCurrentIsEmpty() throws Exception {
        assertThat(store.current(NAME)).isEmpty();
    }

    @Test
    void givenCommittedSet_thenCurrentReturnsExactlyThatSet() throws Exception {
        FileSet set = typicalSet("1");

        store.commit(NAME, set, Set.of());

        assertThat(store.current(NAME)).contains(set);
    }

    @Test
    void givenCommitsAndRetirement_thenTheVersionChangesWithEveryChange_andStaysWhileNothingChanges() throws Exception {
        assertThat(store.version(NAME)).as("nothing installed").isEmpty();
        store.commit(NAME, typicalSet("1"), Set.of());
        Optional<String> first = store.version(NAME);
        // A store may not know (empty); one that knows must tell every change.
        if (first.isPresent()) {
            assertThat(store.version(NAME)).as("asked again").isEqualTo(first);
            store.commit(NAME, typicalSet("1"), Set.of());
            assertThat(store.version(NAME)).as("an unchanged commit").isEqualTo(first);
            store.commit(NAME, typicalSet("2"), Set.of());
            Optional<String> second = store.version(NAME);
            assertThat(second).as("a changed commit").isPresent().isNotEqualTo(first);
            store.retire(NAME, Set.of());
            assertThat(store.version(NAME)).as("retired").isEmpty();
            store.commit(NAME, typicalSet("1"), Set.of());
            assertThat(store.version(NAME)).as("the first set again, as a new generation").isNotEqualTo(first)
                    .isNotEqualTo(second);
        }
    }

    @Test
    void givenCommitsThatCompleted_thenRecoverChangesNothingInstalledAndReportsNothing() throws Exception {
        DnsName alias = DnsName.of("example.test");
        FileSet first = typicalSet("1");
        FileSet second = typicalSet("2");
        store.commit(NAME, first, Set.of(alias));
        store.commit(NAME, second, Set.of(alias));

        assertThat(store.recover(NAME).actions()).isEmpty();
        assertThat(store.recover(OTHER).actions()).isEmpty();

        assertThat(store.current(NAME)).contains(second);
        assertThat(reachableAs(alias)).contains(second);
        assertThat(archived(NAME)).containsExactly(first);
    }

    @Test
    void givenFirstCommit_thenEveryPathIsWrittenAndNoneRemoved() throws Exception {
        FileSet set = typicalSet("1");

        CommitResult result = store.commit(NAME, set, Set.of());

        assertThat(result.written()).containsExactlyElementsOf(set.paths());
        assertThat(result.removed()).isEmpty();
        assertThat(result.changed()).isTrue();
    }

    @Test
    void givenChangedSet_thenResultListsChangedAndRemovedPathsSorted() throws Exception {
        store.commit(NAME, files("rsa/cert.pem", "a", "rsa/chain.pem", "c", "rsa/keys/key.pem", "k",
                "rsa/ocsp.der", "o"), Set.of());

        CommitResult result = store.commit(NAME, files("rsa/cert.pem", "b", "rsa/chain.pem", "c",
                "rsa/keys/key.pem", "k2", "params.pem", "p"), Set.of());

        assertThat(result.written()).containsExactly("params.pem", "rsa/cert.pem", "rsa/keys/key.pem");
        assertThat(result.removed()).containsExactly("rsa/ocsp.der");
    }

    @Test
    void givenChangedSet_thenCurrentHasNoFileOfTheOldSetLeft() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());
        FileSet smaller = files("rsa/cert.pem", "only", "rsa/keys/key.pem", "key");

        store.commit(NAME, smaller, Set.of());

        assertThat(store.current(NAME)).contains(smaller);
    }

    @Test
    void givenSameSetAgain_thenNothingChanges() throws Exception {
        FileSet set = typicalSet("1");
        store.commit(NAME, set, Set.of());
        List<FileSet> archivedBefore = archived(NAME);

        CommitResult result = store.commit(NAME, typicalSet("1"), Set.of());

        assertThat(result.changed()).isFalse();
        assertThat(result.written()).isEmpty();
        assertThat(result.removed()).isEmpty();
        assertThat(store.current(NAME)).contains(set);
        assertThat(archived(NAME)).isEqualTo(archivedBefore);
    }

    @Test
    void givenSecretFiles_thenOnlyTheyAreUnreadableByOthers() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());

        assertThat(readableByOthers(NAME, "rsa/keys/key.pem")).isFalse();
        assertThat(readableByOthers(NAME, "ecdsa/keys/key.pem")).isFalse();
        assertThat(readableByOthers(NAME, "rsa/cert.pem")).isTrue();
        assertThat(readableByOthers(NAME, "rsa/chain.pem")).isTrue();
    }

    @Test
    void givenReplacedSecretFile_thenTheNewOneIsUnreadableByOthersToo() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());

        store.commit(NAME, typicalSet("2"), Set.of());

        assertThat(readableByOthers(NAME, "rsa/keys/key.pem")).isFalse();
        assertThat(readableByOthers(NAME, "rsa/cert.pem")).isTrue();
    }

    @Test
    void givenARetiredCertificate_thenNothingIsInstalledItsFilesAreArchivedAndOnlyItsAliasesGo() throws Exception {
        FileSet set = typicalSet("1");
        DnsName alias = DnsName.of("example.test");
        DnsName othersAlias = DnsName.of("other-alias.example.test");
        store.commit(NAME, set, Set.of(alias));
        store.commit(OTHER, typicalSet("other"), Set.of(othersAlias));

        Maintenance result = store.retire(NAME, Set.of(alias, othersAlias));

        assertThat(store.current(NAME)).isEmpty();
        assertThat(reachableAs(alias)).isEmpty();
        assertThat(archived(NAME)).contains(set);
        assertThat(result.actions()).isNotEmpty();
        assertThat(store.current(OTHER)).contains(typicalSet("other"));
        assertThat(reachableAs(othersAlias)).contains(typicalSet("other"));
    }

    @Test
    void givenARetiredCertificate_thenANewCommitInstallsAFreshSet() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());
        store.retire(NAME, Set.of());

        store.commit(NAME, typicalSet("2"), Set.of());

        assertThat(store.current(NAME)).contains(typicalSet("2"));
    }

    @Test
    void givenAliases_thenEachLeadsToTheFiles() throws Exception {
        FileSet set = typicalSet("1");
        DnsName alias1 = DnsName.of("example.test");
        DnsName alias2 = DnsName.of("static.example.test");

        store.commit(NAME, set, Set.of(alias1, alias2));

        assertThat(reachableAs(alias1)).contains(set);
        assertThat(reachableAs(alias2)).contains(set);
    }

    @Test
    void givenAliases_thenTheyFollowLaterCommits() throws Exception {
        DnsName alias = DnsName.of("example.test");
        store.commit(NAME, typicalSet("1"), Set.of(alias));

        store.commit(NAME, typicalSet("2"), Set.of(alias));

        assertThat(reachableAs(alias)).contains(typicalSet("2"));
    }

    @Test
    void givenTheNameAmongTheAliases_thenCommitSucceeds() throws Exception {
        FileSet set = typicalSet("1");

        store.commit(NAME, set, Set.of(NAME.dnsName(), DnsName.of("example.test")));

        assertThat(store.current(NAME)).contains(set);
    }

    @Test
    void givenAliasThatIsAnotherCertificate_thenThatCertificateIsNotTouched() throws Exception {
        FileSet mine = typicalSet("mine");
        FileSet theirs = typicalSet("theirs");
        store.commit(OTHER, theirs, Set.of());

        store.commit(NAME, mine, Set.of(OTHER.dnsName()));

        assertThat(store.current(OTHER)).contains(theirs);
        assertThat(reachableAs(OTHER.dnsName())).contains(theirs);
        assertThat(store.current(NAME)).contains(mine);
    }

    @Test
    void givenTwoCertificates_thenEachKeepsItsOwnFiles() throws Exception {
        store.commit(NAME, typicalSet("a"), Set.of());
        store.commit(OTHER, typicalSet("b"), Set.of());

        store.commit(NAME, typicalSet("c"), Set.of());

        assertThat(store.current(NAME)).contains(typicalSet("c"));
        assertThat(store.current(OTHER)).contains(typicalSet("b"));
    }

    @Test
    void givenReplacedSet_thenItIsKeptInTheArchive() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());

        store.commit(NAME, typicalSet("2"), Set.of());

        assertThat(archived(NAME)).containsExactly(typicalSet("1"));
    }

    @Test
    void givenSeveralReplacements_thenEveryReplacedSetIsArchivedInOrder() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());
        store.commit(NAME, typicalSet("2"), Set.of());

        store.commit(NAME, files("rsa/cert.pem", "3"), Set.of());

        assertThat(archived(NAME)).containsExactly(typicalSet("1"), typicalSet("2"));
    }

    @Test
    void givenFirstCommit_thenNothingIsArchived() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());

        assertThat(archived(NAME)).isEmpty();
    }

    @Test
    void givenFailingCommit_thenPreviousSetIsUnchanged() throws Exception {
        FileSet before = typicalSet("1");
        store.commit(NAME, before, Set.of());
        failNextCommit();

        assertThatThrownBy(() -> store.commit(NAME, typicalSet("2"), Set.of())).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank());

        assertThat(store.current(NAME)).contains(before);
        assertThat(archived(NAME)).isEmpty();
    }

    @Test
    void givenFailingFirstCommit_thenCertificateStaysUninstalled() throws Exception {
        failNextCommit();

        assertThatThrownBy(() -> store.commit(NAME, typicalSet("1"), Set.of())).isInstanceOf(StoreException.class);

        assertThat(store.current(NAME)).isEmpty();
    }

    @Test
    void givenFailedCommit_thenTheNextCommitSucceeds() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());
        failNextCommit();
        assertThatThrownBy(() -> store.commit(NAME, typicalSet("2"), Set.of())).isInstanceOf(StoreException.class);

        CommitResult result = store.commit(NAME, typicalSet("2"), Set.of());

        assertThat(result.changed()).isTrue();
        assertThat(store.current(NAME)).contains(typicalSet("2"));
        assertThat(archived(NAME)).containsExactly(typicalSet("1"));
    }

    @Test
    void givenConcurrentCommitsOfDifferentCertificates_thenEveryCertificateGetsItsLastSet() throws Exception {
        int count = 8;
        List<CertificateName> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(CertificateName.of("host" + i + ".example.test"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (CertificateName name : names) {
                tasks.add(() -> {
                    for (int round = 1; round <= 3; round++) {
                        store.commit(name, typicalSet(name + " " + round), Set.of(DnsName.of("alias." + name)));
                    }
                    return null;
                });
            }
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> task : tasks) {
                futures.add(pool.submit(task));
            }
            for (Future<Void> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        for (CertificateName name : names) {
            assertThat(store.current(name)).contains(typicalSet(name + " 3"));
            assertThat(archived(name)).containsExactly(typicalSet(name + " 1"), typicalSet(name + " 2"));
            assertThat(reachableAs(DnsName.of("alias." + name))).contains(typicalSet(name + " 3"));
        }
    }

    // location

    @Test
    void givenLaterCommits_thenALocationKeepsNamingTheCurrentFile() throws Exception {
        String location = store.location(NAME, "rsa/cert.pem");
        store.commit(NAME, typicalSet("1"), Set.of());
        assertThat(readLocation(location)).hasValueSatisfying(c -> assertThat(c).asString(StandardCharsets.UTF_8)
                .isEqualTo("rsa cert 1"));

        store.commit(NAME, typicalSet("2"), Set.of());

        assertThat(store.location(NAME, "rsa/cert.pem")).isEqualTo(location);
        assertThat(readLocation(location)).hasValueSatisfying(c -> assertThat(c).asString(StandardCharsets.UTF_8)
                .isEqualTo("rsa cert 2"));
        assertThat(readLocation(store.location(NAME, "ecdsa/keys/key.pem"))).hasValueSatisfying(
                c -> assertThat(c).asString(StandardCharsets.UTF_8).isEqualTo("ecdsa key 2"));
    }

    @Test
    void givenDifferentFilesAndCertificates_thenTheirLocationsDiffer() {
        List<String> locations = List.of(store.location(NAME, ""), store.location(NAME, "rsa/cert.pem"),
                store.location(NAME, "ecdsa/cert.pem"), store.location(NAME, "rsa/keys/key.pem"),
                store.location(OTHER, ""), store.location(OTHER, "rsa/cert.pem"));

        assertThat(new HashSet<>(locations)).hasSize(locations.size());
        assertThat(locations).allSatisfy(l -> assertThat(l).isNotBlank());
    }

    // deleteArchives

    /** Commits versions 1, 2, 3 of {@link #NAME}: archives of 1 at START+1h and of 2 at START+1d+1h. */
    private void threeCommitsOverADay() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());
        clock.advance(Duration.ofHours(1));
        store.commit(NAME, typicalSet("2"), Set.of());
        clock.advance(Duration.ofDays(1));
        store.commit(NAME, typicalSet("3"), Set.of());
    }

    @Test
    void givenArchivesOnBothSidesOfTheCutoff_thenOnlyTheOlderAreDeleted() throws Exception {
        threeCommitsOverADay();

        Maintenance result = store.deleteArchives(NAME, START.plus(Duration.ofDays(1)));

        assertThat(archived(NAME)).containsExactly(typicalSet("2"));
        assertThat(result.actions()).hasSize(1);
        assertThat(result.warnings()).isEmpty();
        assertThat(store.current(NAME)).contains(typicalSet("3"));
    }

    @Test
    void givenArchiveMadeExactlyAtTheCutoff_thenItStays() throws Exception {
        threeCommitsOverADay();

        Maintenance result = store.deleteArchives(NAME, START.plus(Duration.ofHours(1)));

        assertThat(archived(NAME)).containsExactly(typicalSet("1"), typicalSet("2"));
        assertThat(result).isEqualTo(Maintenance.NOTHING);
    }

    @Test
    void givenCutoffAfterEveryArchive_thenAllGoAndTheCurrentFilesAndAliasesStay() throws Exception {
        DnsName alias = DnsName.of("example.test");
        store.commit(NAME, typicalSet("1"), Set.of(alias));
        store.commit(NAME, typicalSet("2"), Set.of(alias));
        store.commit(NAME, typicalSet("3"), Set.of(alias));

        Maintenance result = store.deleteArchives(NAME, START.plus(Duration.ofDays(365)));

        assertThat(archived(NAME)).isEmpty();
        assertThat(result.actions()).hasSize(2);
        assertThat(store.current(NAME)).contains(typicalSet("3"));
        assertThat(reachableAs(alias)).contains(typicalSet("3"));
        assertThat(readLocation(store.location(NAME, "rsa/keys/key.pem"))).isPresent();
    }

    @Test
    void givenArchivesOfAnotherCertificate_thenTheyStay() throws Exception {
        store.commit(OTHER, typicalSet("o1"), Set.of());
        store.commit(OTHER, typicalSet("o2"), Set.of());
        store.commit(NAME, typicalSet("1"), Set.of());
        store.commit(NAME, typicalSet("2"), Set.of());

        store.deleteArchives(NAME, START.plus(Duration.ofDays(1)));

        assertThat(archived(NAME)).isEmpty();
        assertThat(archived(OTHER)).containsExactly(typicalSet("o1"));
    }

    @Test
    void givenNoArchives_thenDeleteArchivesDoesNothing() throws Exception {
        assertThat(store.deleteArchives(NAME, START.plus(Duration.ofDays(1)))).isEqualTo(Maintenance.NOTHING);

        store.commit(NAME, typicalSet("1"), Set.of());

        assertThat(store.deleteArchives(NAME, START.plus(Duration.ofDays(1)))).isEqualTo(Maintenance.NOTHING);
        assertThat(store.current(NAME)).contains(typicalSet("1"));
    }

    @Test
    void givenAnArchiveThatCannotBeDeleted_thenItIsAWarningAndTheOthersGo() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());
        clock.advance(Duration.ofHours(1));
        store.commit(NAME, typicalSet("2"), Set.of());
        clock.advance(Duration.ofHours(1));
        store.commit(NAME, typicalSet("3"), Set.of());
        clock.advance(Duration.ofHours(1));
        store.commit(NAME, typicalSet("4"), Set.of());
        failDeletingOldestArchive(NAME);

        Maintenance result = store.deleteArchives(NAME, START.plus(Duration.ofDays(1)));

        assertThat(archived(NAME)).containsExactly(typicalSet("1"));
        assertThat(result.actions()).hasSize(2);
        assertThat(result.warnings()).singleElement().asString().isNotBlank();
    }

    // check

    @Test
    void givenEverythingInOrder_thenCheckRepairsNothing() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of(DnsName.of("example.test")));
        store.commit(NAME, typicalSet("2"), Set.of(DnsName.of("example.test")));
        store.commit(OTHER, typicalSet("o"), Set.of(DnsName.of("smtp.example.test")));

        Maintenance result = store.check(Map.of(NAME, Set.of(DnsName.of("example.test")),
                OTHER, Set.of(DnsName.of("smtp.example.test"))));

        assertThat(result).isEqualTo(Maintenance.NOTHING);
    }

    @Test
    void givenSpoiledModes_thenCheckRestoresThem() throws Exception {
        store.commit(NAME, typicalSet("1"), Set.of());
        spoilMode(NAME, "rsa/keys/key.pem");
        spoilMode(NAME, "ecdsa/cert.pem");

        Maintenance result = store.check(Map.of(NAME, Set.of()));

        assertThat(readableByOthers(NAME, "rsa/keys/key.pem")).isFalse();
        assertThat(readableByOthers(NAME, "ecdsa/cert.pem")).isTrue();
        assertThat(result.actions()).hasSize(2);
        assertThat(result.warnings()).isEmpty();
        assertThat(store.check(Map.of(NAME, Set.of()))).isEqualTo(Maintenance.NOTHING);
        assertThat(store.current(NAME)).contains(typicalSet("1"));
    }

    @Test
    void givenAMissingAlias_thenCheckRestoresIt() throws Exception {
        DnsName alias = DnsName.of("example.test");
        store.commit(NAME, typicalSet("1"), Set.of(alias));
        removeAlias(alias);

        Maintenance result = store.check(Map.of(NAME, Set.of(alias)));

        assertThat(reachableAs(alias)).contains(typicalSet("1"));
        assertThat(result.actions()).hasSize(1);
    }

    @Test
    void givenAnAliasNoLongerConfigured_thenCheckRemovesIt() throws Exception {
        DnsName kept = DnsName.of("example.test");
        DnsName dropped = DnsName.of("old.example.test");
        store.commit(NAME, typicalSet("1"), Set.of(kept, dropped));

        Maintenance result = store.check(Map.of(NAME, Set.of(kept)));

        assertThat(reachableAs(dropped)).isEmpty();
        assertThat(reachableAs(kept)).contains(typicalSet("1"));
        assertThat(result.actions()).hasSize(1);
        assertThat(store.current(NAME)).contains(typicalSet("1"));
    }

    @Test
    void givenAliasesOfACertificateNotChecked_thenTheyStay() throws Exception {
        DnsName theirs = DnsName.of("smtp.example.test");
        store.commit(OTHER, typicalSet("o"), Set.of(theirs));
        store.commit(NAME, typicalSet("1"), Set.of());

        store.check(Map.of(NAME, Set.of()));

        assertThat(reachableAs(theirs)).contains(typicalSet("o"));
    }

    @Test
    void givenSomethingElseWhereAnAliasBelongs_thenCheckWarnsAndLeavesIt() throws Exception {
        DnsName alias = DnsName.of("example.test");
        store.commit(NAME, typicalSet("1"), Set.of(alias));
        occupy(alias);

        Maintenance configured = store.check(Map.of(NAME, Set.of(alias)));
        Maintenance dropped = store.check(Map.of(NAME, Set.of()));

        assertThat(configured.warnings()).singleElement().asString().isNotBlank();
        assertThat(dropped.warnings()).isEmpty();
        assertThat(stillOccupied(alias)).isTrue();
        assertThat(store.current(NAME)).contains(typicalSet("1"));
    }

    @Test
    void givenACertificateNotInstalled_thenCheckMakesNoAliasForIt() throws Exception {
        DnsName alias = DnsName.of("example.test");

        Maintenance result = store.check(Map.of(NAME, Set.of(alias)));

        assertThat(result).isEqualTo(Maintenance.NOTHING);
        assertThat(reachableAs(alias)).isEmpty();
        assertThat(store.current(NAME)).isEmpty();
    }
}
