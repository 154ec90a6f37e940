package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certmgr.adapters.fs.FsTestFiles.mode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.ports.out.StoredAccount;
import org.certmgr.testkit.fakes.MutableClock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the file-system store adds to the port's rules for location, deleteArchives and check. */
class GenerationStoreMaintenanceTest {
    private static final CertificateName NAME = CertificateName.of("www.example.test");
    private static final CertificateName OTHER = CertificateName.of("mail.example.test");
    private static final DnsName ALIAS = DnsName.of("example.test");
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    /** Holds data_dir and a folder outside it, so that links from one to the other stay in the temporary folder. */
    @TempDir
    Path root;
    private Path dataDir;
    private Path outside;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FaultyFileOps ops = new FaultyFileOps();

    @BeforeEach
    void createFolders() throws Exception {
        dataDir = Files.createDirectory(root.resolve("data"));
        outside = Files.createDirectory(root.resolve("outside"));
    }

    private CertificateStore store() {
        return store(FileOwnership.CURRENT_USER);
    }

    private CertificateStore store(FileOwnership ownership) {
        return new GenerationStore(dataDir, ownership, clock, ops);
    }

    private static FileSet set(String version) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String type : new String[] {"rsa", "ecdsa"}) {
            files.put(type + "/cert.pem", bytes(type + " cert " + version));
            files.put(type + "/chain.pem", bytes("chain"));
            files.put(type + "/keys/key.pem", bytes(type + " key " + version));
            files.put(type + "/keys/key+cert.pem", bytes(type + " key+cert " + version));
        }
        files.put("params.pem", bytes("params"));
        return FileSet.of(files);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Path folder(CertificateName name) {
        return dataDir.resolve(name.folderName());
    }

    private static void chmod(Path path, String mode) throws Exception {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    // location

    @Test
    void givenAFile_thenItsLocationIsTheAbsolutePathThroughTheCertificatesLink() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());

        String location = store.location(NAME, "rsa/keys/key.pem");

        assertThat(location).isEqualTo(dataDir.toAbsolutePath().resolve("www.example.test/rsa/keys/key.pem")
                .toString());
        assertThat(store.location(NAME, "")).isEqualTo(dataDir.toAbsolutePath().resolve("www.example.test")
                .toString());
        assertThat(Path.of(location).toRealPath().toString()).contains(".generations");
    }

    @Test
    void givenAPathThatLeavesTheFolder_thenLocationRefusesIt() {
        CertificateStore store = store();

        assertThatThrownBy(() -> store.location(NAME, "../mail.example.test/rsa/keys/key.pem"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.location(NAME, "/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }

    // deleteArchives

    private Path archives() {
        return dataDir.resolve("archives").resolve(NAME.folderName());
    }

    private Path archive(String folderName) throws Exception {
        Path archive = archives().resolve(folderName);
        Files.createDirectories(archive.resolve("rsa"));
        Files.writeString(archive.resolve("rsa/cert.pem"), "archived");
        return archive;
    }

    @Test
    void givenEntriesNotNamedLikeArchives_thenTheyStayWithOneWarningEach() throws Exception {
        archive("2020_01_01_000000");
        archive("2020_02_30_000000");
        archive("2020_01_01_000000.x");
        archive("old-certs");
        Files.writeString(archives().resolve("notes.txt"), "keep me");

        Maintenance result = store().deleteArchives(NAME, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(result.actions()).containsExactly("deleted archive archives/www.example.test/2020_01_01_000000");
        assertThat(result.warnings()).hasSize(4).anySatisfy(w -> assertThat(w)
                .contains("archives/www.example.test/2020_02_30_000000").contains("not the time of an archive"));
        assertThat(FsTestFiles.entries(archives())).extracting(p -> p.getFileName().toString())
                .containsExactly("2020_01_01_000000.x", "2020_02_30_000000", "notes.txt", "old-certs");
    }

    @Test
    void givenSuffixedArchives_thenTheirTimeIsTheirStampInUtc() throws Exception {
        archive("2026_03_04_050607");
        archive("2026_03_04_050607.1");
        archive("2026_03_04_050607.12");
        Instant stamp = Instant.parse("2026-03-04T05:06:07Z");

        Maintenance atTheStamp = store().deleteArchives(NAME, stamp);
        Maintenance aSecondLater = store().deleteArchives(NAME, stamp.plusSeconds(1));

        assertThat(atTheStamp).isEqualTo(Maintenance.NOTHING);
        assertThat(aSecondLater.actions()).containsExactly(
                "deleted archive archives/www.example.test/2026_03_04_050607",
                "deleted archive archives/www.example.test/2026_03_04_050607.1",
                "deleted archive archives/www.example.test/2026_03_04_050607.12");
        assertThat(FsTestFiles.entries(archives())).isEmpty();
    }

    @Test
    void givenLinksInAndAsArchives_thenOnlyTheLinksAreDeletedNotWhatTheyLeadTo() throws Exception {
        Path precious = outside.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("file.pem"), "not an archive");
        Path archive = archive("2020_01_01_000000");
        Files.createSymbolicLink(archive.resolve("rsa/elsewhere"), precious);
        Files.createSymbolicLink(archives().resolve("2020_01_02_000000"), precious);

        Maintenance result = store().deleteArchives(NAME, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(result.actions()).hasSize(2);
        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readString(precious.resolve("file.pem"))).isEqualTo("not an archive");
        assertThat(FsTestFiles.entries(archives())).isEmpty();
    }

    @Test
    void givenAnArchiveThatCannotBeDeleted_thenTheWarningNamesItAndTheNextIsDeleted() throws Exception {
        Path stuck = archive("2020_01_01_000000");
        archive("2020_01_02_000000");
        ops.failOnDeleteOf(stuck::equals);

        Maintenance result = store().deleteArchives(NAME, Instant.parse("2026-01-01T00:00:00Z"));

        assertThat(result.actions()).containsExactly("deleted archive archives/www.example.test/2020_01_02_000000");
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("archive archives/www.example.test/2020_01_01_000000 was not deleted: cannot delete "
                        + stuck);
        assertThat(Files.exists(stuck)).isTrue();
    }

    @Test
    void givenCommitsAndPruning_thenArchivesOfBothKeyTypesGoTogether() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        store.commit(NAME, set("2"), Set.of());
        Path archived = FsTestFiles.archiveFolders(dataDir, NAME.folderName()).get(0);
        assertThat(FolderReader.read(archived)).isEqualTo(set("1"));

        store.deleteArchives(NAME, clock.instant().plusSeconds(1));

        assertThat(Files.exists(archived, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(store.current(NAME)).contains(set("2"));
    }

    // check: modes

    @Test
    void givenWrongModesAllOver_thenCheckGivesBackExactlyTheModesTheStoresCreate() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of(ALIAS));
        clock.advance(Duration.ofHours(1));
        store.commit(NAME, set("2"), Set.of(ALIAS));
        FsAccountStore accounts = new FsAccountStore(dataDir, FileOwnership.CURRENT_USER, clock, ops);
        accounts.save(account("1"));
        accounts.save(account("2"));
        Path current = folder(NAME).toRealPath();
        Path archived = FsTestFiles.archiveFolders(dataDir, NAME.folderName()).get(0);
        Path archivedAccount = FsTestFiles.archiveFolders(dataDir, "account").get(0);
        chmod(current.resolve("rsa/keys/key.pem"), "rw-r--r--");
        chmod(current.resolve("ecdsa/keys/key+cert.pem"), "rw-rw-rw-");
        chmod(current.resolve("rsa/cert.pem"), "rw-------");
        chmod(current.resolve("rsa/keys"), "rwxr-xr-x");
        chmod(current.resolve("ecdsa"), "rwx------");
        chmod(archived.resolve("ecdsa/keys/key.pem"), "rw-r--r--");
        chmod(dataDir.resolve("account/client.key"), "rw-r--r--");
        chmod(dataDir.resolve("account/registration.json"), "rw-------");
        chmod(archivedAccount.resolve("client.key"), "rw----r--");
        chmod(dataDir.resolve(".generations"), "rwx------");

        Maintenance result = store.check(Map.of(NAME, Set.of(ALIAS)));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.actions()).contains(
                "fixed mode of www.example.test/rsa/keys/key.pem: 0644 → 0640",
                "fixed mode of www.example.test/ecdsa/keys/key+cert.pem: 0666 → 0640",
                "fixed mode of www.example.test/rsa/cert.pem: 0600 → 0644",
                "fixed mode of www.example.test/rsa/keys: 0755 → 0750",
                "fixed mode of www.example.test/ecdsa: 0700 → 0755",
                "fixed mode of account/client.key: 0644 → 0640",
                "fixed mode of account/registration.json: 0600 → 0644",
                "fixed mode of .generations: 0700 → 0755").hasSize(10);
        assertThat(mode(current.resolve("rsa/keys/key.pem"))).isEqualTo("rw-r-----");
        assertThat(mode(current.resolve("ecdsa/keys/key+cert.pem"))).isEqualTo("rw-r-----");
        assertThat(mode(current.resolve("rsa/cert.pem"))).isEqualTo("rw-r--r--");
        assertThat(mode(current.resolve("rsa/keys"))).isEqualTo("rwxr-x---");
        assertThat(mode(current.resolve("ecdsa"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(archived.resolve("ecdsa/keys/key.pem"))).isEqualTo("rw-r-----");
        assertThat(mode(dataDir.resolve("account/client.key"))).isEqualTo("rw-r-----");
        assertThat(mode(dataDir.resolve("account/registration.json"))).isEqualTo("rw-r--r--");
        assertThat(mode(archivedAccount.resolve("client.key"))).isEqualTo("rw-r-----");
        assertThat(mode(dataDir.resolve(".generations"))).isEqualTo("rwxr-xr-x");
        assertThat(store.check(Map.of(NAME, Set.of(ALIAS)))).isEqualTo(Maintenance.NOTHING);
        assertThat(store.current(NAME)).contains(set("2"));
    }

    private static StoredAccount account(String n) {
        return new StoredAccount("-----BEGIN PRIVATE KEY-----\nkey" + n + "\n-----END PRIVATE KEY-----\n",
                new AccountRegistration("https://ca.example.test/acct/" + n, "https://ca.example.test/dir",
                        Optional.empty()));
    }

    @Test
    void givenALegacyRealFolder_thenCheckFixesItsModesToo() throws Exception {
        Path legacy = dataDir.resolve("legacy.example.test");
        Files.createDirectories(legacy.resolve("rsa/keys"));
        Files.writeString(legacy.resolve("rsa/keys/key.pem"), "legacy key");
        chmod(legacy.resolve("rsa/keys/key.pem"), "rw-rw-r--");
        chmod(legacy.resolve("rsa/keys"), "rwxrwxr-x");
        chmod(legacy.resolve("rsa"), "rwxr-xr-x");
        chmod(legacy, "rwxr-xr-x");

        Maintenance result = store().check(Map.of());

        assertThat(result.actions()).containsExactly(
                "fixed mode of legacy.example.test/rsa/keys: 0775 → 0750",
                "fixed mode of legacy.example.test/rsa/keys/key.pem: 0664 → 0640");
    }

    @Test
    void givenLinksInsideTheStore_thenCheckNeverChangesWhatTheyLeadTo() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        Path secret = outside.resolve("shadow");
        Files.writeString(secret, "not the store's");
        chmod(secret, "rw-------");
        Path dir = outside.resolve("dir");
        Files.createDirectory(dir);
        chmod(dir, "rwx------");
        Path current = folder(NAME).toRealPath();
        Files.createSymbolicLink(current.resolve("rsa/extra.pem"), secret);
        Files.createSymbolicLink(current.resolve("rsa/keys/more"), dir);
        Files.createSymbolicLink(dataDir.resolve("operator-link"), secret);

        Maintenance result = store.check(Map.of(NAME, Set.of()));

        assertThat(result).isEqualTo(Maintenance.NOTHING);
        assertThat(mode(secret)).isEqualTo("rw-------");
        assertThat(mode(dir)).isEqualTo("rwx------");
    }

    @Test
    void givenALinkPutInPlaceOfAFile_thenSetModeRefusesToFollowIt() throws Exception {
        Path secret = outside.resolve("shadow");
        Files.writeString(secret, "not the store's");
        chmod(secret, "rw-------");
        Path link = dataDir.resolve("key.pem");
        Files.createSymbolicLink(link, secret);

        assertThatThrownBy(() -> new FileOps().setMode(link, FileOps.PUBLIC_FILE))
                .hasMessageContaining("cannot set the mode of " + link);

        assertThat(mode(secret)).isEqualTo("rw-------");
    }

    // check: alias links

    @Test
    void givenAliasLinksOutOfOrder_thenCheckCreatesTheMissingAndRemovesOnlyStaleOnes() throws Exception {
        CertificateStore store = store();
        DnsName dropped = DnsName.of("old.example.test");
        DnsName absolute = DnsName.of("abs.example.test");
        DnsName others = DnsName.of("smtp.example.test");
        store.commit(NAME, set("1"), Set.of(ALIAS, dropped));
        store.commit(OTHER, set("o"), Set.of(others));
        Files.delete(dataDir.resolve(ALIAS.ascii()));
        Files.createSymbolicLink(dataDir.resolve(absolute.ascii()), folder(NAME).toAbsolutePath());
        Files.createSymbolicLink(dataDir.resolve("my-site"), Path.of(NAME.folderName()));

        Maintenance result = store.check(Map.of(NAME, Set.of(ALIAS)));

        assertThat(result.actions()).containsExactly(
                "linked example.test → www.example.test",
                "removed link abs.example.test → " + folder(NAME).toAbsolutePath()
                        + ": abs.example.test is no longer an alternative name of www.example.test",
                "removed link old.example.test → www.example.test: old.example.test is no longer an alternative"
                        + " name of www.example.test");
        assertThat(result.warnings()).isEmpty();
        assertThat(Files.readSymbolicLink(dataDir.resolve(ALIAS.ascii()))).isEqualTo(Path.of(NAME.folderName()));
        assertThat(Files.exists(dataDir.resolve(dropped.ascii()), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(dataDir.resolve(absolute.ascii()), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.isSymbolicLink(dataDir.resolve("my-site"))).isTrue();
        assertThat(Files.readSymbolicLink(dataDir.resolve(others.ascii()))).isEqualTo(Path.of(OTHER.folderName()));
        assertThat(store.current(OTHER)).contains(set("o"));
    }

    @Test
    void givenAnAliasLeadingToAnotherCertificate_thenCheckLeadsItBack() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of(ALIAS));
        store.commit(OTHER, set("o"), Set.of());
        Files.delete(dataDir.resolve(ALIAS.ascii()));
        Files.createSymbolicLink(dataDir.resolve(ALIAS.ascii()), Path.of(OTHER.folderName()));

        Maintenance result = store.check(Map.of(NAME, Set.of(ALIAS), OTHER, Set.of()));

        assertThat(result.actions()).containsExactly(
                "relinked example.test → www.example.test (it led to mail.example.test)");
        assertThat(Files.readSymbolicLink(dataDir.resolve(ALIAS.ascii()))).isEqualTo(Path.of(NAME.folderName()));
    }

    @Test
    void givenRealFilesWhereAliasesBelong_thenCheckWarnsAndDeletesNothing() throws Exception {
        CertificateStore store = store();
        store.commit(NAME, set("1"), Set.of());
        Path realFolder = dataDir.resolve(ALIAS.ascii());
        Files.createDirectories(realFolder);
        Files.writeString(realFolder.resolve("cert.pem"), "someone else's");
        Path realFile = dataDir.resolve("static.example.test");
        Files.writeString(realFile, "a file");

        Maintenance configured = store.check(Map.of(NAME, Set.of(ALIAS, DnsName.of("static.example.test"))));
        Maintenance dropped = store.check(Map.of(NAME, Set.of()));

        assertThat(configured.warnings()).containsExactly(
                realFolder + " is a real folder, not a link; left alone instead of linking it to www.example.test",
                realFile + " is a real file, not a link; left alone instead of linking it to www.example.test");
        assertThat(dropped.warnings()).isEmpty();
        assertThat(Files.readString(realFolder.resolve("cert.pem"))).isEqualTo("someone else's");
        assertThat(Files.readString(realFile)).isEqualTo("a file");
    }

    @Test
    void givenALinkNamedLikeAConfiguredCertificate_thenCheckKeepsIt() throws Exception {
        CertificateStore store = store();
        store.commit(OTHER, set("o"), Set.of(NAME.dnsName()));

        Maintenance result = store.check(Map.of(OTHER, Set.of(), NAME, Set.of()));

        assertThat(result).isEqualTo(Maintenance.NOTHING);
        assertThat(Files.readSymbolicLink(folder(NAME))).isEqualTo(Path.of(OTHER.folderName()));
    }

    // check: owners

    @Test
    void givenAProcessThatMayNotChangeOwners_thenCheckGivesOneWarningAndStillFixesModes() throws Exception {
        store().commit(NAME, set("1"), Set.of());
        new FsAccountStore(dataDir, FileOwnership.CURRENT_USER, clock, ops).save(account("1"));
        chmod(folder(NAME).toRealPath().resolve("rsa/keys/key.pem"), "rw-r--r--");
        ops.refuseOwnerChanges();
        // Someone other than the files' owner, so that every file needs a change.
        FileOwnership someoneElse = new FileOwnership(Optional.of(ROOT ? "nobody" : "root"), Optional.empty());

        Maintenance result = store(someoneElse).check(Map.of(NAME, Set.of()));

        assertThat(result.actions()).containsExactly("fixed mode of www.example.test/rsa/keys/key.pem: 0644 → 0640");
        // The generation folder, 4 folders and 9 files in it; client.key and registration.json.
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("16 files and folders keep their owner instead of " + someoneElse.user().get())
                .contains("the system does not let this process (user " + System.getProperty("user.name")
                        + ") change owners, which needs root")
                .endsWith("Operation not permitted");
    }

    @Test
    void givenNotRootAndAnotherOwner_thenTheRealRefusalIsOneWarning() throws Exception {
        Assumptions.assumeFalse(ROOT, "root may change owners");
        store().commit(NAME, set("1"), Set.of());

        Maintenance result = FsAdapters.certificateStore(dataDir,
                new FileOwnership(Optional.of("root"), Optional.empty()), clock).check(Map.of(NAME, Set.of()));

        assertThat(result.actions()).isEmpty();
        assertThat(result.warnings()).singleElement().asString().contains("does not let this process");
    }

    @Test
    void givenRoot_thenCheckGivesTheFilesTheOwnerTheStoreWouldHaveGiven() throws Exception {
        Assumptions.assumeTrue(ROOT, "changing owners needs root");
        Assumptions.assumeTrue(Files.readString(Path.of("/etc/passwd")).contains("\nnobody:")
                && Files.readString(Path.of("/etc/group")).contains("\nnogroup:"), "needs user nobody, group nogroup");
        store().commit(NAME, set("1"), Set.of());
        new FsAccountStore(dataDir, FileOwnership.CURRENT_USER, clock, ops).save(account("1"));
        FileOwnership nobody = new FileOwnership(Optional.of("nobody"), Optional.of("nogroup"));

        Maintenance result = store(nobody).check(Map.of(NAME, Set.of()));

        assertThat(result.warnings()).isEmpty();
        assertThat(result.actions()).hasSize(16)
                .contains("fixed owner of www.example.test/rsa/keys/key.pem: root:root → nobody:nogroup",
                        "fixed owner of www.example.test: root:root → nobody:nogroup",
                        "fixed owner of account/client.key: root:root → nobody:nogroup");
        Path current = folder(NAME).toRealPath();
        assertThat(Files.getOwner(current.resolve("rsa/keys/key.pem")).getName()).isEqualTo("nobody");
        assertThat(Files.getOwner(current).getName()).isEqualTo("nobody");
        assertThat(Files.getOwner(dataDir.resolve(".generations")).getName()).isEqualTo("root");
        assertThat(Files.getOwner(dataDir.resolve("account")).getName()).isEqualTo("root");
        assertThat(Files.getOwner(dataDir.resolve("account/client.key")).getName()).isEqualTo("nobody");
        assertThat(store(nobody).check(Map.of(NAME, Set.of()))).isEqualTo(Maintenance.NOTHING);
    }

    @Test
    void givenAnUnknownFileUser_thenCheckSaysSoOnceAndStillFixesModes() throws Exception {
        store().commit(NAME, set("1"), Set.of());
        chmod(folder(NAME).toRealPath().resolve("params.pem"), "rw-------");

        Maintenance result = store(new FileOwnership(Optional.of("no-such-user-certmgr"), Optional.empty()))
                .check(Map.of(NAME, Set.of()));

        assertThat(result.actions()).containsExactly("fixed mode of www.example.test/params.pem: 0600 → 0644");
        assertThat(result.warnings()).containsExactly(
                "file_user \"no-such-user-certmgr\" is not a user on this machine; owners were not checked");
    }

    @Test
    void givenNoDataDirYet_thenCheckHasNothingToDo() throws Exception {
        CertificateStore store = new GenerationStore(dataDir.resolve("missing"), FileOwnership.CURRENT_USER, clock,
                ops);

        assertThat(store.check(Map.of(NAME, Set.of(ALIAS)))).isEqualTo(Maintenance.NOTHING);
        assertThat(store.deleteArchives(NAME, clock.instant())).isEqualTo(Maintenance.NOTHING);
    }
}
