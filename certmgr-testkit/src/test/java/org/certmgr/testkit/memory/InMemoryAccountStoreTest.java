package org.certmgr.testkit.memory;

import java.util.List;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.StoredAccount;
import org.certmgr.testkit.contract.AccountStoreContract;

class InMemoryAccountStoreTest extends AccountStoreContract {
    private InMemoryAccountStore store;

    @Override
    protected AccountStore newStore() {
        store = new InMemoryAccountStore();
        return store;
    }

    @Override
    protected boolean keyReadableByOthers() {
        return store.keyReadableByOthers();
    }

    @Override
    protected void corruptSavedAccount() {
        store.corrupt();
    }

    @Override
    protected void failNextSave() {
        store.failNextSave();
    }

    @Override
    protected List<StoredAccount> replacedAccounts() {
        return store.replaced();
    }
}
