package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.out.RenewalInfoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsRenewalInfoStoreTest {
    private static final CertificateName NAME = CertificateName.of("example.test");

    @TempDir
    Path dataDir;

    @Test
    void givenEntriesWithAndWithoutAWindow_thenAnotherProcessReadsThemPerKeyType() throws Exception {
        RenewalInfoStore.Entry withWindow = new RenewalInfoStore.Entry("1a2b", Optional.of(new RenewalWindow(
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-03T00:00:00Z"))),
                Instant.parse("2026-01-02T06:00:00Z"));
        RenewalInfoStore.Entry noAri = new RenewalInfoStore.Entry("3c4d", Optional.empty(),
                Instant.parse("2026-01-09T00:00:00Z"));

        FsAdapters.renewalInfoStore(dataDir).put(NAME, KeyType.RSA, withWindow);
        FsAdapters.renewalInfoStore(dataDir).put(NAME, KeyType.ECDSA, noAri);

        RenewalInfoStore later = FsAdapters.renewalInfoStore(dataDir);
        assertThat(later.get(NAME, KeyType.RSA)).contains(withWindow);
        assertThat(later.get(NAME, KeyType.ECDSA)).contains(noAri);
        assertThat(later.get(CertificateName.of("other.test"), KeyType.RSA)).isEmpty();
    }

    @Test
    void givenAnUnreadableEntry_thenAbsent() throws Exception {
        Files.createDirectories(dataDir.resolve(".ari"));
        Files.writeString(dataDir.resolve(".ari/example.test.rsa"), "1a2b\nyesterday tomorrow\n");

        assertThat(FsAdapters.renewalInfoStore(dataDir).get(NAME, KeyType.RSA)).isEmpty();
    }
}
