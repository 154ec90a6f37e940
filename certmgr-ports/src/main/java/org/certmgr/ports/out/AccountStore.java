package org.certmgr.ports.out;

import java.util.Optional;

/**
 * Keeps the ACME account: {@code account/client.key} and {@code account/registration.json}.
 *
 * <p>Contract: {@link #load} MUST return empty when no account was saved, and MUST fail with
 * a {@link StoreException} when files exist but cannot be read. {@link #save} MUST replace
 * both files so that a reader sees either the old pair or the new pair, and MUST keep the
 * replaced pair in an archive; the key file MUST never be readable by others.
 */
public interface AccountStore {

    /**
     * Reads the saved account.
     *
     * @return the account, or empty when none was saved
     * @throws StoreException when the files exist but cannot be read
     */
    Optional<StoredAccount> load() throws StoreException;

    /**
     * Saves the account, replacing any previous one.
     *
     * @param account the account
     * @throws StoreException when it cannot be written; the previous account is then unchanged
     */
    void save(StoredAccount account) throws StoreException;
}
