package org.certmgr.testkit.memory;

import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.testkit.contract.CertificateStoreContract;

class InMemoryCertificateStoreTest extends CertificateStoreContract {
    private InMemoryCertificateStore store;

    @Override
    protected CertificateStore newStore() {
        store = new InMemoryCertificateStore();
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
}
