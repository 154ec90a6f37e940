package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RetryHolds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsRetryHoldsTest {
    private static final CertificateName NAME = CertificateName.of("example.test");

    @TempDir
    Path dataDir;

    @Test
    void givenAHold_thenAnotherProcessSeesItUntilReleased() throws Exception {
        RetryHolds.Hold hold = new RetryHolds.Hold(Instant.parse("2026-12-01T10:00:00Z"), "too many\ncertificates");

        FsAdapters.retryHolds(dataDir).hold(NAME, hold);

        RetryHolds later = FsAdapters.retryHolds(dataDir);
        assertThat(later.current(NAME)).hasValueSatisfying(h -> {
            assertThat(h.until()).isEqualTo(hold.until());
            assertThat(h.reason()).isEqualTo("too many certificates");
        });
        assertThat(later.current(CertificateName.of("other.test"))).isEmpty();
        later.release(NAME);
        assertThat(FsAdapters.retryHolds(dataDir).current(NAME)).isEmpty();
        later.release(NAME);
        try (var left = Files.list(dataDir.resolve(".holds"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void givenAnUnreadableHold_thenNoHoldRatherThanABlockedCertificate() throws Exception {
        Files.createDirectories(dataDir.resolve(".holds"));
        Files.writeString(dataDir.resolve(".holds/example.test"), "next tuesday\n");

        assertThat(FsAdapters.retryHolds(dataDir).current(NAME)).isEmpty();
    }
}
