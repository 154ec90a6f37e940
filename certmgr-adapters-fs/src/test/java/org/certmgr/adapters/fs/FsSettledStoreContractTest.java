package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.SettledStore;
import org.certmgr.testkit.contract.SettledStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsSettledStoreContractTest extends SettledStoreContract {
    private static final CertificateName ONE = CertificateName.of("one.example.test");

    @TempDir
    Path dataDir;

    @Override
    protected SettledStore newStore() {
        return new FsSettledStore(dataDir, new FileOps(), "certmgr 1.0");
    }

    @Override
    protected SettledStore reopen() {
        return new FsSettledStore(dataDir, new FileOps(), "certmgr 1.0");
    }

    @Override
    protected void corrupt(CertificateName name) throws Exception {
        Path file = dataDir.resolve(".runs/settled").resolve(name.folderName());
        Files.writeString(file, Files.readString(file).replace("2026-05-30T04:00:00Z", "next spring"));
    }

    @Test
    void givenAnEntryWrittenByAnotherVersion_thenItReadsAsAbsent() throws Exception {
        store().put(ONE, typical("v1"));

        assertThat(new FsSettledStore(dataDir, new FileOps(), "certmgr 1.1").get(ONE)).isEmpty();
    }

    @Test
    void givenAnEntry_thenItIsOneReadableTextFileWithNoTemporaryFileLeft() throws Exception {
        store().put(ONE, typical("v1"));

        try (var files = Files.list(dataDir.resolve(".runs/settled"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("one.example.test");
        }
        assertThat(Files.readString(dataDir.resolve(".runs/settled/one.example.test")))
                .startsWith("generator certmgr 1.0\nfiles v1\nfingerprint f1ng3rpr1nt\n")
                .contains("keytype rsa 3f2a 2026-03-01T04:00:00Z 2026-05-30T04:00:00Z true false rsa:4096"
                        + " one.example.test ");
    }
}
