package org.certmgr.testkit.memory;

import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.SettledStore;
import org.certmgr.testkit.contract.SettledStoreContract;
import org.junit.jupiter.api.Assumptions;

class InMemorySettledStoreTest extends SettledStoreContract {
    @Override
    protected SettledStore newStore() {
        return new InMemorySettledStore();
    }

    @Override
    protected SettledStore reopen() {
        return store();
    }

    @Override
    protected void corrupt(CertificateName name) {
        Assumptions.abort("an entry in memory cannot be damaged");
    }
}
