package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.testkit.contract.RunHistoryContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsRunHistoryContractTest extends RunHistoryContract {
    @TempDir
    Path dataDir;

    @Override
    protected RunHistory newHistory() {
        return new FsRunHistory(dataDir, new FileOps());
    }

    @Override
    protected RunHistory reopen() {
        return new FsRunHistory(dataDir, new FileOps());
    }

    @Override
    protected void corrupt(CertificateName name) throws Exception {
        Path file = dataDir.resolve(".runs/last-run");
        Files.writeString(file, Files.readString(file).replace("certificate " + name.folderName() + " ",
                "certificate " + name.folderName() + " yesterday "));
    }

    @Test
    void givenARecordedRun_thenItIsOneReadableTextFileWithNoTemporaryFileLeft() throws Exception {
        Instant at = Instant.parse("2026-03-01T04:00:00Z");
        history().record(new RunHistory.RunSummary(at, 1, 1, Optional.empty()), Map.of(CertificateName.of("a.test"),
                new RunHistory.CertificateRun(at, Optional.of("the CA is down"), Optional.empty())));

        Path file = dataDir.resolve(".runs/last-run");
        assertThat(Files.readString(file)).isEqualTo("at 2026-03-01T04:00:00Z\ncertificates 1\nfailed 1\n"
                + "last_success never\ncertificate a.test 2026-03-01T04:00:00Z failed never the CA is down\n");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        try (Stream<Path> all = Files.walk(dataDir.resolve(".runs"))) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp~"));
        }
    }
}
