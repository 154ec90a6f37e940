package org.certmgr.testkit.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.StoreException;
import org.certmgr.ports.out.StoredAccount;

/**
 * An {@link AccountStore} in memory, with switches to simulate a damaged account and a failing
 * save. Replaced accounts are kept in a list ({@link #replaced}), as a real store keeps them in
 * an archive. Thread-safe.
 */
public final class InMemoryAccountStore implements AccountStore {
    private final List<StoredAccount> replaced = new ArrayList<>();
    private StoredAccount account;
    private boolean corrupt;
    private boolean failNextSave;
    private int saves;

    /** Creates a store with no account saved. */
    public InMemoryAccountStore() {
        // Empty until the first save.
    }

    /**
     * Creates a store with an account already saved.
     *
     * @param account the account
     */
    public InMemoryAccountStore(StoredAccount account) {
        this.account = Objects.requireNonNull(account, "account");
    }

    @Override
    public synchronized Optional<StoredAccount> load() throws StoreException {
        if (corrupt) {
            throw new StoreException("cannot read account/registration.json: simulated damage");
        }
        return Optional.ofNullable(account);
    }

    @Override
    public synchronized void save(StoredAccount newAccount) throws StoreException {
        Objects.requireNonNull(newAccount, "account");
        if (failNextSave) {
            failNextSave = false;
            throw new StoreException("cannot write account/client.key: simulated failure");
        }
        if (account != null && !account.equals(newAccount)) {
            replaced.add(account);
        }
        account = newAccount;
        corrupt = false;
        saves++;
    }

    /**
     * Returns the accounts that saves replaced, oldest first; saving the account already saved
     * replaces nothing.
     *
     * @return the replaced accounts
     */
    public synchronized List<StoredAccount> replaced() {
        return List.copyOf(replaced);
    }

    /** Makes {@link #load} fail until the next successful save, as a damaged file would. */
    public synchronized void corrupt() {
        corrupt = true;
    }

    /** Makes the next save throw a {@link StoreException} and change nothing. */
    public synchronized void failNextSave() {
        failNextSave = true;
    }

    /**
     * Returns how many saves succeeded.
     *
     * @return the count
     */
    public synchronized int saveCount() {
        return saves;
    }

    /**
     * Tells whether the key would be readable by others; never, as a real store must ensure.
     *
     * @return false
     */
    public boolean keyReadableByOthers() {
        return false;
    }
}
