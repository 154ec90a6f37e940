package org.certmgr.adapters.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.testkit.contract.CertificateStoreContract;
import org.junit.jupiter.api.io.TempDir;

class GenerationStoreContractTest extends CertificateStoreContract {
    @TempDir
    Path dataDir;
    private FaultyFileOps ops;

    @Override
    protected CertificateStore newStore() {
        ops = new FaultyFileOps();
        return new GenerationStore(dataDir, FileOwnership.CURRENT_USER, Clock.systemUTC(), ops);
    }

    @Override
    protected boolean readableByOthers(CertificateName name, String path) throws Exception {
        return Files.getPosixFilePermissions(dataDir.resolve(name.folderName()).resolve(path))
                .contains(PosixFilePermission.OTHERS_READ);
    }

    @Override
    protected Optional<FileSet> reachableAs(DnsName alias) throws Exception {
        Path link = dataDir.resolve(alias.ascii());
        return Files.isDirectory(link) ? Optional.of(FsTestFiles.readThroughLink(link)) : Optional.empty();
    }

    @Override
    protected List<FileSet> archived(CertificateName name) throws Exception {
        return FsTestFiles.archivedSets(dataDir, name.folderName());
    }

    @Override
    protected void failNextCommit() {
        ops.failWriteAfter(1);
    }
}
