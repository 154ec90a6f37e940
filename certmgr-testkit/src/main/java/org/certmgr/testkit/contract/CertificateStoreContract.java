package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.certmgr.ports.out.StoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CertificateStore}: extend it with a test class for your adapter.
 *
 * <p>The hooks below let the suite observe what the port itself cannot show (file modes,
 * aliases, archives) and provoke a failure. They refer to the store most recently returned by
 * {@link #newStore()}, which is called before each test.
 *
 * <p>Atomicity across a crash cannot be tested through the port alone; an adapter adds its own
 * tests for that.
 */
public abstract class CertificateStoreContract {
    /** A certificate name used by the tests. */
    protected static final CertificateName NAME = CertificateName.of("www.example.test");
    /** A second, independent certificate. */
    protected static final CertificateName OTHER = CertificateName.of("mail.example.test");

    private CertificateStore store;

    /**
     * Creates an empty store for one test.
     *
     * @return the store under test
     * @throws Exception when it cannot be created
     */
    protected abstract CertificateStore newStore() throws Exception;

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
}
