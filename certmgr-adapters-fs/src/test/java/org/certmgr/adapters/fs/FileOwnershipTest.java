package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.StoredAccount;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ownership from file_user/file_group; changing owners needs root, so these run only as root. */
class FileOwnershipTest {
    private static final CertificateName NAME = CertificateName.of("www.example.test");
    private static final FileOwnership NOBODY = new FileOwnership(Optional.of("nobody"), Optional.of("nogroup"));

    @TempDir
    Path dataDir;

    @BeforeEach
    void requireRootAndNobody() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "changing owners needs root");
        Assumptions.assumeTrue(Files.readString(Path.of("/etc/passwd")).contains("\nnobody:")
                && Files.readString(Path.of("/etc/group")).contains("\nnogroup:"), "needs user nobody, group nogroup");
    }

    @Test
    void givenUserAndGroup_thenEveryFileAndFolderOfTheGenerationBelongsToThem() throws Exception {
        CertificateStore store = FsAdapters.certificateStore(dataDir, NOBODY, Clock.systemUTC());
        store.commit(NAME, FileSet.of(Map.of("rsa/cert.pem", bytes("c"), "rsa/keys/key.pem", bytes("k"))), Set.of());

        Path folder = dataDir.resolve(NAME.folderName());
        for (String path : new String[] {"", "rsa", "rsa/keys", "rsa/cert.pem", "rsa/keys/key.pem"}) {
            PosixFileAttributes attributes = Files.readAttributes(folder.toRealPath().resolve(path),
                    PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            assertThat(attributes.owner().getName()).as(path).isEqualTo("nobody");
            assertThat(attributes.group().getName()).as(path).isEqualTo("nogroup");
        }
        assertThat(FsTestFiles.mode(folder.resolve("rsa/keys/key.pem"))).isEqualTo("rw-r-----");
    }

    @Test
    void givenOwnershipChangedInTheConfiguration_thenUnchangedFilesAreCopiedNotShared() throws Exception {
        FileSet files = FileSet.of(Map.of("rsa/chain.pem", bytes("chain"), "rsa/cert.pem", bytes("c1")));
        FsAdapters.certificateStore(dataDir, FileOwnership.CURRENT_USER, Clock.systemUTC()).commit(NAME, files,
                Set.of());
        Path chain = dataDir.resolve(NAME.folderName()).resolve("rsa/chain.pem");
        long before = FsTestFiles.inode(chain);

        FsAdapters.certificateStore(dataDir, NOBODY, Clock.systemUTC()).commit(NAME,
                files.with(FileSet.of(Map.of("rsa/cert.pem", bytes("c2")))), Set.of());

        assertThat(FsTestFiles.inode(chain)).isNotEqualTo(before);
        assertThat(Files.getOwner(chain).getName()).isEqualTo("nobody");
        Path archived = FsTestFiles.archiveFolders(dataDir, NAME.folderName()).get(0);
        assertThat(Files.getOwner(archived.resolve("rsa/chain.pem")).getName()).isEqualTo("root");
    }

    @Test
    void givenUserAndGroup_thenAccountFilesBelongToThem() throws Exception {
        FsAdapters.accountStore(dataDir, NOBODY).save(new StoredAccount("key", new AccountRegistration(
                "https://ca.example.test/acct/1", "https://ca.example.test/dir", Optional.empty())));

        for (String file : new String[] {"client.key", "registration.json"}) {
            Path path = dataDir.resolve("account").resolve(file);
            assertThat(Files.getOwner(path).getName()).as(file).isEqualTo("nobody");
        }
    }

    @Test
    void givenUnknownGroup_thenCommitFailsNamingIt() {
        CertificateStore store = FsAdapters.certificateStore(dataDir,
                new FileOwnership(Optional.empty(), Optional.of("no-such-group-certmgr")), Clock.systemUTC());

        assertThatThrownBy(() -> store.commit(NAME, FileSet.of(Map.of("rsa/cert.pem", bytes("c"))), Set.of()))
                .hasMessageContaining("file_group \"no-such-group-certmgr\" is not a group on this machine");
    }

    @Test
    void givenBlankUser_thenOwnershipIsRefused() {
        assertThatThrownBy(() -> new FileOwnership(Optional.of(" "), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("file_user");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
