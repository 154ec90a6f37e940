package org.certmgr.adapters.fs;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.testkit.contract.CertificateStoreContract;
import org.junit.jupiter.api.io.TempDir;

class GenerationStoreContractTest extends CertificateStoreContract {
    private static final String OCCUPANT = "occupant.txt";

    @TempDir
    Path dataDir;
    private FaultyFileOps ops;

    @Override
    protected CertificateStore newStore() {
        ops = new FaultyFileOps();
        return new GenerationStore(dataDir, FileOwnership.CURRENT_USER, clock(), ops);
    }

    @Override
    protected boolean readableByOthers(CertificateName name, String path) throws Exception {
        return Files.getPosixFilePermissions(dataDir.resolve(name.folderName()).resolve(path))
                .contains(PosixFilePermission.OTHERS_READ);
    }

    @Override
    protected Optional<FileSet> reachableAs(DnsName alias) throws Exception {
        Path link = dataDir.resolve(alias.ascii());
        return Files.isDirectory(link) && Files.isSymbolicLink(link) ? Optional.of(FsTestFiles.readThroughLink(link))
                : Optional.empty();
    }

    @Override
    protected List<FileSet> archived(CertificateName name) throws Exception {
        return FsTestFiles.archivedSets(dataDir, name.folderName());
    }

    @Override
    protected void failNextCommit() {
        ops.failWriteAfter(1);
    }

    @Override
    protected Optional<byte[]> readLocation(String location) throws Exception {
        Path file = Path.of(location);
        return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    }

    @Override
    protected void failDeletingOldestArchive(CertificateName name) throws Exception {
        Path oldest = FsTestFiles.archiveFolders(dataDir, name.folderName()).get(0);
        ops.failOnDeleteOf(oldest::equals);
    }

    @Override
    protected void spoilMode(CertificateName name, String path) throws Exception {
        Files.setPosixFilePermissions(dataDir.resolve(name.folderName()).resolve(path),
                PosixFilePermissions.fromString(FileSet.isSecret(path) ? "rw-r--r--" : "rw-------"));
    }

    @Override
    protected void removeAlias(DnsName alias) throws Exception {
        Files.delete(dataDir.resolve(alias.ascii()));
    }

    @Override
    protected void occupy(DnsName alias) throws Exception {
        Path place = dataDir.resolve(alias.ascii());
        Files.deleteIfExists(place);
        Files.createDirectory(place);
        Files.writeString(place.resolve(OCCUPANT), "someone else's");
    }

    @Override
    protected boolean stillOccupied(DnsName alias) throws Exception {
        Path place = dataDir.resolve(alias.ascii());
        return Files.isDirectory(place, LinkOption.NOFOLLOW_LINKS)
                && Files.readString(place.resolve(OCCUPANT)).equals("someone else's");
    }
}
