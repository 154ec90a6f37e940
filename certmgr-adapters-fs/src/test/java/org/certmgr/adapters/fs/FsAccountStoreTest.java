package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certmgr.adapters.fs.FsTestFiles.mode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.StoreException;
import org.certmgr.ports.out.StoredAccount;
import org.certmgr.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsAccountStoreTest {
    private static final String KEY_1 = "-----BEGIN PRIVATE KEY-----\nMIIBone\n-----END PRIVATE KEY-----\n";
    private static final String KEY_2 = "-----BEGIN PRIVATE KEY-----\nMIIBtwo\n-----END PRIVATE KEY-----\n";
    private static final StoredAccount FIRST = new StoredAccount(KEY_1, new AccountRegistration(
            "https://ca.example.test/acct/1", "https://ca.example.test/dir", Optional.of("a@example.test")));
    private static final StoredAccount SECOND = new StoredAccount(KEY_2, new AccountRegistration(
            "https://ca.example.test/acct/2", "https://ca.example.test/dir", Optional.empty()));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T05:06:07Z"));

    @TempDir
    Path dataDir;

    private final FaultyFileOps ops = new FaultyFileOps();

    private AccountStore store() {
        return new FsAccountStore(dataDir, FileOwnership.CURRENT_USER, clock, ops);
    }

    private Path file(String name) {
        return dataDir.resolve("account").resolve(name);
    }

    @Test
    void givenSavedAccount_thenKeyIs0640AndRegistration0644() throws Exception {
        store().save(FIRST);

        assertThat(mode(file("client.key"))).isEqualTo("rw-r-----");
        assertThat(mode(file("registration.json"))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file("client.key"))).isEqualTo(KEY_1);
    }

    @Test
    void givenSavedAccount_thenRegistrationIsReadableJsonWithoutTheKey() throws Exception {
        store().save(FIRST);

        String json = Files.readString(file("registration.json"));
        assertThat(json).contains("\"accountUrl\" : \"https://ca.example.test/acct/1\"")
                .contains("\"directoryUrl\" : \"https://ca.example.test/dir\"")
                .contains("\"email\" : \"a@example.test\"")
                .contains("\"clientKeySha256\"")
                .doesNotContain("MIIB");
        assertThat(FsTestFiles.entries(dataDir.resolve("account")).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("client.key", "registration.json");
    }

    @Test
    void givenHandWrittenRegistrationWithoutKeyHash_thenItIsAccepted() throws Exception {
        Files.createDirectories(dataDir.resolve("account"));
        Files.writeString(file("client.key"), KEY_1);
        Files.writeString(file("registration.json"),
                "{\"accountUrl\":\"https://ca.example.test/acct/9\",\"directoryUrl\":\"https://ca.example.test/dir\","
                        + "\"email\":null,\"comment\":\"copied from the master\"}");

        assertThat(store().load()).contains(new StoredAccount(KEY_1, new AccountRegistration(
                "https://ca.example.test/acct/9", "https://ca.example.test/dir", Optional.empty())));
    }

    @Test
    void givenBrokenJson_thenLoadFailsNamingTheFileAndThePlace() throws Exception {
        store().save(FIRST);
        Files.writeString(file("registration.json"), "{\n  \"accountUrl\": \"https://ca\",\n  oops\n}");

        assertThatThrownBy(() -> store().load()).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot read " + file("registration.json"))
                .hasMessageContaining("not valid JSON (line 3");
    }

    @Test
    void givenMissingField_thenLoadFailsNamingIt() throws Exception {
        store().save(FIRST);
        Files.writeString(file("registration.json"), "{\"accountUrl\": \"https://ca.example.test/acct/1\"}");

        assertThatThrownBy(() -> store().load()).isInstanceOf(StoreException.class)
                .hasMessageContaining(file("registration.json").toString())
                .hasMessageContaining("\"directoryUrl\" is missing");
    }

    @Test
    void givenKeyWithoutRegistration_thenLoadFailsSayingWhatToDo() throws Exception {
        store().save(FIRST);
        Files.delete(file("registration.json"));

        assertThatThrownBy(() -> store().load()).isInstanceOf(StoreException.class)
                .hasMessageContaining(file("registration.json") + " is missing");
    }

    @Test
    void givenRegistrationWithoutKey_thenLoadFailsSayingWhatToDo() throws Exception {
        store().save(FIRST);
        Files.delete(file("client.key"));

        assertThatThrownBy(() -> store().load()).isInstanceOf(StoreException.class)
                .hasMessageContaining(file("client.key") + " is missing");
    }

    @Test
    void givenKeyFromAnotherAccount_thenLoadFailsInsteadOfMixingThem() throws Exception {
        store().save(FIRST);
        Files.writeString(file("client.key"), KEY_2);

        assertThatThrownBy(() -> store().load()).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not belong to").hasMessageNotContaining("MIIB");
    }

    @Test
    void givenCrashBeforeTheRegistrationIsReplaced_thenTheOldAccountIsLoaded() throws Exception {
        store().save(FIRST);
        ops.crashOnReplaceOf(file("registration.json")::equals);

        assertThatThrownBy(() -> store().save(SECOND)).isInstanceOf(FaultyFileOps.SimulatedCrash.class);

        assertThat(store().load()).contains(FIRST);
    }

    @Test
    void givenCrashBetweenRegistrationAndKey_thenTheNewAccountIsLoaded() throws Exception {
        store().save(FIRST);
        ops.crashOnReplaceOf(file("client.key")::equals);

        assertThatThrownBy(() -> store().save(SECOND)).isInstanceOf(FaultyFileOps.SimulatedCrash.class);

        assertThat(Files.readString(file("client.key"))).isEqualTo(KEY_1);
        assertThat(store().load()).contains(SECOND);
    }

    @Test
    void givenInterruptedSave_thenTheNextSaveTidiesUp() throws Exception {
        store().save(FIRST);
        ops.crashOnReplaceOf(file("registration.json")::equals);
        assertThatThrownBy(() -> store().save(SECOND)).isInstanceOf(FaultyFileOps.SimulatedCrash.class);
        ops.crashOnReplaceOf(p -> false);

        store().save(SECOND);

        assertThat(store().load()).contains(SECOND);
        assertThat(FsTestFiles.entries(dataDir.resolve("account")).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("client.key", "registration.json");
    }

    @Test
    void givenSaveInterruptedAfterItsCommitPoint_thenTheNextSaveKeepsThatAccountUntilReplaced() throws Exception {
        store().save(FIRST);
        ops.crashOnReplaceOf(file("client.key")::equals);
        assertThatThrownBy(() -> store().save(SECOND)).isInstanceOf(FaultyFileOps.SimulatedCrash.class);
        ops.crashOnReplaceOf(p -> false);
        ops.failWriteAfter(0);

        assertThatThrownBy(() -> store().save(FIRST)).isInstanceOf(StoreException.class);

        assertThat(store().load()).contains(SECOND);
        assertThat(Files.readString(file("client.key"))).isEqualTo(KEY_2);
    }

    @Test
    void givenFailedSave_thenNoTemporaryFileIsLeft() throws Exception {
        store().save(FIRST);
        ops.failWriteAfter(1);

        assertThatThrownBy(() -> store().save(SECOND)).isInstanceOf(StoreException.class)
                .hasMessageContaining("No space left on device");

        assertThat(FsTestFiles.entries(dataDir.resolve("account")).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("client.key", "registration.json");
    }

    // Archives of replaced accounts

    private Path archives() {
        return dataDir.resolve("archives").resolve("account");
    }

    @Test
    void givenSecondSave_thenTheFirstPairIsArchivedUnderTheClocksTimeWithItsModes() throws Exception {
        store().save(FIRST);
        long firstKey = FsTestFiles.inode(file("client.key"));

        store().save(SECOND);

        Path archived = archives().resolve("2026_03_04_050607");
        assertThat(FsTestFiles.entries(archives())).containsExactly(archived);
        assertThat(FsTestFiles.archivedAccount(archived)).isEqualTo(FIRST);
        assertThat(mode(archived.resolve("client.key"))).isEqualTo("rw-r-----");
        assertThat(mode(archived.resolve("registration.json"))).isEqualTo("rw-r--r--");
        assertThat(FsTestFiles.inode(archived.resolve("client.key"))).isEqualTo(firstKey);
        assertThat(FsTestFiles.entries(archived)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("client.key", "registration.json");
        assertThat(store().load()).contains(SECOND);
    }

    @Test
    void givenSavesInOneSecond_thenLaterArchivesGetASuffix() throws Exception {
        store().save(FIRST);
        store().save(SECOND);

        store().save(FIRST);

        assertThat(FsTestFiles.archiveFolders(dataDir, "account")).extracting(p -> p.getFileName().toString())
                .containsExactly("2026_03_04_050607", "2026_03_04_050607.1");
    }

    @Test
    void givenTheSavedAccountSavedAgain_thenNothingIsArchived() throws Exception {
        store().save(FIRST);

        store().save(FIRST);

        assertThat(Files.exists(archives())).isFalse();
        assertThat(store().load()).contains(FIRST);
    }

    @Test
    void givenAnUnreadableAccount_thenSaveArchivesItsFilesAsTheyAre() throws Exception {
        store().save(FIRST);
        Files.writeString(file("registration.json"), "{ broken");

        store().save(SECOND);

        Path archived = FsTestFiles.archiveFolders(dataDir, "account").get(0);
        assertThat(Files.readString(archived.resolve("registration.json"))).isEqualTo("{ broken");
        assertThat(Files.readString(archived.resolve("client.key"))).isEqualTo(KEY_1);
        assertThat(store().load()).contains(SECOND);
    }

    @Test
    void givenTheArchiveCannotBeMade_thenTheSaveFailsAndTheAccountStays() throws Exception {
        store().save(FIRST);
        Files.createDirectories(archives().getParent());
        Files.writeString(archives(), "a file where the archive folder belongs");

        assertThatThrownBy(() -> store().save(SECOND)).isInstanceOf(StoreException.class)
                .hasMessageContaining(archives().toString());

        assertThat(store().load()).contains(FIRST);
        assertThat(FsTestFiles.entries(dataDir.resolve("account")).stream().map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("client.key", "registration.json");
    }

    @Test
    void givenAHalfBuiltArchiveFromACrash_thenTheNextSaveRemovesIt() throws Exception {
        store().save(FIRST);
        Path leftover = archives().resolve(".archiving~0f0f");
        Files.createDirectories(leftover);
        Files.writeString(leftover.resolve("client.key"), KEY_1);

        store().save(SECOND);

        assertThat(Files.exists(leftover)).isFalse();
        assertThat(FsTestFiles.archiveFolders(dataDir, "account")).hasSize(1);
    }

    @Test
    void givenTheFactoryWithAClock_thenArchivesAreNamedByIt() throws Exception {
        AccountStore store = FsAdapters.accountStore(dataDir, FileOwnership.CURRENT_USER,
                new MutableClock(Instant.parse("2027-12-31T23:59:59Z")));
        store.save(FIRST);

        store.save(SECOND);

        assertThat(FsTestFiles.entries(archives())).extracting(p -> p.getFileName().toString())
                .containsExactly("2027_12_31_235959");
    }

    @Test
    void givenACrashAtEveryStepOfASave_thenTheOldOrTheNewAccountLoadsAndTheNextSaveFinishes() throws Exception {
        int steps = stepsOfSave();
        int firstNew = 0;

        for (int k = 1; k <= steps; k++) {
            Path dir = Files.createDirectory(dataDir.resolve("crash-" + k));
            new FsAccountStore(dir, FileOwnership.CURRENT_USER, clock, new FaultyFileOps().withoutSync()).save(FIRST);
            FaultyFileOps crashing = new FaultyFileOps().withoutSync();
            crashing.crashAtStep(k);
            AccountStore interrupted = new FsAccountStore(dir, FileOwnership.CURRENT_USER, clock, crashing);
            assertThatThrownBy(() -> interrupted.save(SECOND)).as("save crashing at step %d", k)
                    .isInstanceOf(FaultyFileOps.SimulatedCrash.class);

            AccountStore restarted = new FsAccountStore(dir, FileOwnership.CURRENT_USER, clock,
                    new FaultyFileOps().withoutSync());
            StoredAccount seen = restarted.load().orElseThrow();
            assertThat(seen).as("account after a crash at step %d of %d", k, steps).isIn(FIRST, SECOND);
            if (seen.equals(SECOND) && firstNew == 0) {
                firstNew = k;
            }
            assertThat(firstNew == 0 || seen.equals(SECOND)).as("the new account, once seen, stays (step %d)", k)
                    .isTrue();

            restarted.save(SECOND);

            assertThat(restarted.load()).contains(SECOND);
            assertThat(FsTestFiles.entries(dir.resolve("account")).stream().map(p -> p.getFileName().toString()))
                    .as("account files after step %d", k).containsExactlyInAnyOrder("client.key", "registration.json");
            List<Path> archived = FsTestFiles.entries(dir.resolve("archives/account"));
            assertThat(archived).as("archives after step %d", k).isNotEmpty().allSatisfy(a -> {
                assertThat(a.getFileName().toString()).doesNotStartWith(".");
                assertThat(FsTestFiles.archivedAccount(a)).isEqualTo(FIRST);
            });
        }
        assertThat(firstNew).as("the step that saves the new account").isGreaterThan(1);
    }

    private int stepsOfSave() throws Exception {
        Path dir = Files.createDirectory(dataDir.resolve("count"));
        FaultyFileOps counting = new FaultyFileOps().withoutSync();
        AccountStore store = new FsAccountStore(dir, FileOwnership.CURRENT_USER, clock, counting);
        store.save(FIRST);
        counting.countSteps();
        store.save(SECOND);
        assertThat(counting.steps()).isGreaterThan(10);
        return counting.steps();
    }
}
