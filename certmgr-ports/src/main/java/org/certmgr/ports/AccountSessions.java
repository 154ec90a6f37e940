package org.certmgr.ports;

import java.security.KeyPair;
import java.util.Optional;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaDirectory;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.Operator;
import org.certmgr.ports.out.StoreException;
import org.certmgr.ports.out.StoredAccount;

/**
 * Provides the logged-in ACME account, registering it on first use.
 *
 * <p>The session is opened at most once per run and only when a certificate needs the CA,
 * so that a run with nothing to do makes no request. A new account key is saved only after
 * the CA accepted the registration: an unreachable CA leaves nothing on disk.
 */
final class AccountSessions {
    /** P-256 is the account key type every ACME CA accepts. */
    static final KeySpec ACCOUNT_KEY = new KeySpec.Ec(EcCurve.SECP256R1);
    static final String ACCOUNT_KEY_NAME = "account";

    private final AccountSpec spec;
    private final String directoryUrl;
    private final AcmeGateway gateway;
    private final AccountStore store;
    private final KeyMaterial keys;
    private final Operator operator;
    private final KeyUnlocker unlocker;
    private AcmeSession session;
    private CertmgrException failure;

    AccountSessions(AccountSpec spec, String directoryUrl, AcmeGateway gateway, AccountStore store,
                    KeyMaterial keys, Operator operator, KeyUnlocker unlocker) {
        this.spec = spec;
        this.directoryUrl = directoryUrl;
        this.gateway = gateway;
        this.store = store;
        this.keys = keys;
        this.operator = operator;
        this.unlocker = unlocker;
    }

    /**
     * Returns the session, opening it on the first call. A failure is remembered, so that
     * certificates processed in parallel do not each retry a CA that is down.
     */
    synchronized AcmeSession session() throws CertmgrException, InterruptedException {
        if (session != null) {
            return session;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            session = open();
            return session;
        } catch (CertmgrException e) {
            failure = e;
            throw e;
        }
    }

    private AcmeSession open() throws CertmgrException {
        Optional<StoredAccount> stored;
        try {
            stored = store.load();
        } catch (StoreException e) {
            throw new CertmgrException("cannot read the ACME account: " + e.getMessage(), e);
        }
        try {
            if (stored.isPresent() && stored.get().registration().directoryUrl().equals(directoryUrl)) {
                KeyPair key = decode(stored.get());
                return gateway.login(key, stored.get().registration());
            }
            // No account yet, or one of another CA (e.g. staging before production): the store
            // archives the old one when the new one is saved.
            return register();
        } catch (CaException e) {
            throw new CertmgrException(e.getMessage(), e);
        }
    }

    private KeyPair decode(StoredAccount account) throws CertmgrException {
        KeyUnlocker.Unlocked unlocked;
        try {
            unlocked = unlocker.unlock(account.privateKeyPem(), spec.passphrase(), ACCOUNT_KEY_NAME, "the account key");
        } catch (KeyMaterialException e) {
            throw new CertmgrException("cannot read the account key: " + e.getMessage(), e);
        }
        if (unlocked.reencode()) {
            String pem = unlocker.encode(unlocked.key(), spec.passphrase(), ACCOUNT_KEY_NAME);
            try {
                store.save(new StoredAccount(pem, account.registration()));
            } catch (StoreException e) {
                throw new CertmgrException("cannot store the account key with its new protection: " + e.getMessage(), e);
            }
        }
        return unlocked.key();
    }

    private AcmeSession register() throws CaException, CertmgrException {
        CaDirectory directory = gateway.directory();
        boolean agreed = true;
        if (directory.termsOfService().isPresent() && !spec.agreeToTerms()) {
            agreed = operator.acceptTerms(directory.termsOfService().get());
            if (!agreed) {
                throw new CertmgrException("the CA requires accepting its terms of service at "
                        + directory.termsOfService().get() + "; read them, then set \"agree_to_terms\": true"
                        + " in the \"account\" section (or run certmgr once on a terminal and answer yes)");
            }
        }
        KeyPair key = keys.generate(ACCOUNT_KEY);
        // Encoded before registering, so that a missing passphrase fails before the CA is asked.
        String pem = unlocker.encode(key, spec.passphrase(), ACCOUNT_KEY_NAME);
        AccountRegistration registration = gateway.register(key, spec.email(), agreed);
        try {
            store.save(new StoredAccount(pem, registration));
        } catch (StoreException e) {
            throw new CertmgrException("the account was registered as " + registration.accountUrl()
                    + " but could not be saved: " + e.getMessage(), e);
        }
        return gateway.login(key, registration);
    }

    /**
     * Replaces the account key at the CA, then stores the new key; the store archives the old
     * pair. The new key is encoded before the CA is asked, so that a missing passphrase fails
     * while the old key is still the valid one.
     *
     * @return a description of what was done
     * @throws CertmgrException when the CA refuses (the old key stays valid), or when the new key
     *                          cannot be stored (then said loudly: the CA accepts only the new key)
     */
    synchronized String rollOver() throws CertmgrException, InterruptedException {
        AcmeSession current = session();
        StoredAccount stored;
        try {
            stored = store.load().orElseThrow(() -> new CertmgrException("no account is stored after logging in"));
        } catch (StoreException e) {
            throw new CertmgrException("cannot read the ACME account: " + e.getMessage(), e);
        }
        KeyPair newKey = keys.generate(ACCOUNT_KEY);
        String pem = unlocker.encode(newKey, spec.passphrase(), ACCOUNT_KEY_NAME);
        try {
            current.changeAccountKey(newKey);
        } catch (CaException e) {
            throw new CertmgrException("the CA refused the new account key (the old key stays valid): "
                    + e.getMessage(), e);
        }
        session = null;
        StoreException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                store.save(new StoredAccount(pem, stored.registration()));
                return "changed the key of account " + stored.registration().accountUrl()
                        + "; the old key is in the archive";
            } catch (StoreException e) {
                last = e;
            }
        }
        throw new CertmgrException("the CA now accepts only the new key of account "
                + stored.registration().accountUrl() + ", but it could not be saved (" + last.getMessage()
                + "): this account can no longer be used; move the account folder away, and the next run"
                + " registers a new account", last);
    }
}
