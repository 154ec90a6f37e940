package org.certmgr.testkit.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.Maintenance;
import org.certmgr.testkit.contract.CertificateStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryCertificateStoreTest extends CertificateStoreContract {
    private InMemoryCertificateStore store;

    @Override
    protected CertificateStore newStore() {
        store = new InMemoryCertificateStore(clock());
        return store;
    }

    @Override
    protected boolean readableByOthers(CertificateName name, String path) {
        return store.readableByOthers(name, path);
    }

    @Override
    protected Optional<FileSet> reachableAs(DnsName alias) {
        return store.reachableAs(alias);
    }

    @Override
    protected List<FileSet> archived(CertificateName name) {
        return store.archived(name);
    }

    @Override
    protected void failNextCommit() {
        store.failNextCommit();
    }

    @Override
    protected Optional<byte[]> readLocation(String location) {
        return store.read(location);
    }

    @Override
    protected void failDeletingOldestArchive(CertificateName name) {
        store.failDeletingOldestArchive(name);
    }

    @Override
    protected void spoilMode(CertificateName name, String path) {
        store.spoilMode(name, path);
    }

    @Override
    protected void removeAlias(DnsName alias) {
        store.removeAlias(alias);
    }

    @Override
    protected void occupy(DnsName alias) {
        store.occupy(alias);
    }

    @Override
    protected boolean stillOccupied(DnsName alias) {
        return store.occupied(alias);
    }

    @Test
    void givenALocation_thenItIsAMemoryPseudoPath() {
        assertThat(store.location(NAME, "")).isEqualTo("memory:/www.example.test");
        assertThat(store.location(NAME, "rsa/cert.pem")).isEqualTo("memory:/www.example.test/rsa/cert.pem");
        assertThatThrownBy(() -> store.location(NAME, "../x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenArchivesInOneSecond_thenTheyAreNamedLikeAFileSystemStoresAndDeletedByThoseNames() throws Exception {
        store.commit(NAME, files("rsa/cert.pem", "1"), Set.of());
        store.commit(NAME, files("rsa/cert.pem", "2"), Set.of());
        store.commit(NAME, files("rsa/cert.pem", "3"), Set.of());

        Maintenance result = store.deleteArchives(NAME, clock().advance(Duration.ofSeconds(1)));

        assertThat(result.actions()).containsExactly("deleted archive archives/www.example.test/2026_01_01_000000",
                "deleted archive archives/www.example.test/2026_01_01_000000.1");
    }
}
