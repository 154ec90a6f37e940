package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.StoreException;
import org.certmgr.ports.out.StoredAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AccountStore}: extend it with a test class for your adapter.
 *
 * <p>The hooks refer to the store most recently returned by {@link #newStore()}, which is called
 * before each test.
 */
public abstract class AccountStoreContract {
    /** A PEM-shaped stand-in for a key; the store must treat it as opaque text. */
    protected static final String KEY_1 = "-----BEGIN PRIVATE KEY-----\nMIIBkey1\n-----END PRIVATE KEY-----\n";
    /** A second key. */
    protected static final String KEY_2 = "-----BEGIN PRIVATE KEY-----\nMIIBkey2\n-----END PRIVATE KEY-----\n";

    private AccountStore store;

    /**
     * Creates an empty store for one test.
     *
     * @return the store under test
     * @throws Exception when it cannot be created
     */
    protected abstract AccountStore newStore() throws Exception;

    /**
     * Tells whether the saved key can be read by users other than its owner and group.
     *
     * @return true when others can read it
     * @throws Exception when it cannot be found out
     */
    protected abstract boolean keyReadableByOthers() throws Exception;

    /**
     * Damages the saved account so that it cannot be read any more (e.g. truncated JSON).
     *
     * @throws Exception when it cannot be arranged
     */
    protected abstract void corruptSavedAccount() throws Exception;

    /**
     * Makes the next save fail with a {@link StoreException} part-way through writing. A store
     * that cannot simulate this may abort the test with {@code Assumptions.abort}.
     *
     * @throws Exception when it cannot be arranged
     */
    protected abstract void failNextSave() throws Exception;

    /**
     * Returns the accounts the store kept when saves replaced them (for a file-system store, the
     * pairs in its archive), oldest first.
     *
     * @return the replaced accounts
     * @throws Exception when they cannot be read
     */
    protected abstract List<StoredAccount> replacedAccounts() throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        store = newStore();
    }

    /**
     * Returns the store of the current test.
     *
     * @return the store
     */
    protected final AccountStore store() {
        return store;
    }

    /**
     * Builds an account.
     *
     * @param key   the key text
     * @param url   the account URL
     * @param email the contact, or null
     * @return the account
     */
    protected static StoredAccount account(String key, String url, String email) {
        return new StoredAccount(key, new AccountRegistration(url, "https://ca.example.test/dir",
                Optional.ofNullable(email)));
    }

    @Test
    void givenNothingSaved_thenLoadIsEmpty() throws Exception {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void givenSavedAccount_thenLoadReturnsIt() throws Exception {
        StoredAccount account = account(KEY_1, "https://ca.example.test/acct/1", "admin@example.test");

        store.save(account);

        assertThat(store.load()).contains(account);
    }

    @Test
    void givenAccountWithoutEmail_thenLoadReturnsItWithoutEmail() throws Exception {
        StoredAccount account = account(KEY_1, "https://ca.example.test/acct/1", null);

        store.save(account);

        assertThat(store.load()).contains(account);
    }

    @Test
    void givenSecondSave_thenItReplacesKeyAndRegistrationTogether() throws Exception {
        store.save(account(KEY_1, "https://ca.example.test/acct/1", "a@example.test"));
        StoredAccount second = account(KEY_2, "https://ca.example.test/acct/2", "b@example.test");

        store.save(second);

        assertThat(store.load()).contains(second);
    }

    @Test
    void givenSavedAccount_thenKeyIsUnreadableByOthers() throws Exception {
        store.save(account(KEY_1, "https://ca.example.test/acct/1", null));

        assertThat(keyReadableByOthers()).isFalse();
    }

    @Test
    void givenCorruptedAccount_thenLoadFailsWithStoreException() throws Exception {
        store.save(account(KEY_1, "https://ca.example.test/acct/1", null));
        corruptSavedAccount();

        assertThatThrownBy(() -> store.load()).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("MIIB"));
    }

    @Test
    void givenFailingSave_thenPreviousAccountIsUnchanged() throws Exception {
        StoredAccount first = account(KEY_1, "https://ca.example.test/acct/1", "a@example.test");
        store.save(first);
        failNextSave();

        assertThatThrownBy(() -> store.save(account(KEY_2, "https://ca.example.test/acct/2", null)))
                .isInstanceOf(StoreException.class);

        assertThat(store.load()).contains(first);
    }

    @Test
    void givenFailingFirstSave_thenNothingIsSaved() throws Exception {
        failNextSave();

        assertThatThrownBy(() -> store.save(account(KEY_1, "https://ca.example.test/acct/1", null)))
                .isInstanceOf(StoreException.class);

        assertThat(store.load()).isEmpty();
    }

    @Test
    void givenFailedSave_thenTheNextSaveSucceeds() throws Exception {
        failNextSave();
        assertThatThrownBy(() -> store.save(account(KEY_1, "https://ca.example.test/acct/1", null)))
                .isInstanceOf(StoreException.class);
        StoredAccount account = account(KEY_2, "https://ca.example.test/acct/2", null);

        store.save(account);

        assertThat(store.load()).contains(account);
    }

    @Test
    void givenFirstSave_thenNothingIsKeptAsReplaced() throws Exception {
        store.save(account(KEY_1, "https://ca.example.test/acct/1", null));

        assertThat(replacedAccounts()).isEmpty();
    }

    @Test
    void givenSavesOverAnAccount_thenEachReplacedAccountIsKeptInOrder() throws Exception {
        StoredAccount first = account(KEY_1, "https://ca.example.test/acct/1", "a@example.test");
        StoredAccount second = account(KEY_2, "https://ca.example.test/acct/2", null);
        StoredAccount third = account(KEY_1, "https://ca.example.test/acct/3", null);
        store.save(first);
        store.save(second);

        store.save(third);

        assertThat(replacedAccounts()).containsExactly(first, second);
        assertThat(store.load()).contains(third);
    }

    @Test
    void givenFailingSave_thenNothingIsKeptAsReplaced() throws Exception {
        store.save(account(KEY_1, "https://ca.example.test/acct/1", null));
        failNextSave();

        assertThatThrownBy(() -> store.save(account(KEY_2, "https://ca.example.test/acct/2", null)))
                .isInstanceOf(StoreException.class);

        assertThat(replacedAccounts()).isEmpty();
    }
}
