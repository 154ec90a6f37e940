package org.certmgr.ports;

import java.security.KeyPair;
import java.util.Optional;
import org.certmgr.domain.Passphrase;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.WrongPassphraseException;

/**
 * Opens installed private keys and encodes new ones according to the configured protection,
 * asking for a passphrase only when a key actually needs one.
 *
 * <p>An installed key whose protection differs from the configuration (clear but a passphrase
 * is configured, encrypted but none is, encrypted with an older passphrase) is opened with
 * what the operator gives at run time and flagged for re-encoding, so that changing
 * {@code key_passphrase} needs no new certificate. A key that cannot be opened is an error for
 * its certificate and nothing is replaced: certmgr never discards a key because of a typo.
 */
final class KeyUnlocker {
    private final KeyMaterial keys;
    private final Passphrases passphrases;

    KeyUnlocker(KeyMaterial keys, Passphrases passphrases) {
        this.keys = keys;
        this.passphrases = passphrases;
    }

    /**
     * An opened key.
     *
     * @param key      the key pair
     * @param reencode whether the stored encoding differs from the configured protection
     */
    record Unlocked(KeyPair key, boolean reencode) {
    }

    /**
     * Opens a stored key.
     *
     * @param pem     the stored PEM
     * @param setting the configured protection
     * @param keyName the certificate name, or "account"
     * @param what    the key as the operator knows it, e.g. "the installed rsa key of example.com"
     * @return the key and whether to re-encode it
     * @throws CertmgrException     when it is encrypted and cannot be opened with what was given
     * @throws KeyMaterialException when it is corrupt
     */
    Unlocked unlock(String pem, Passphrase setting, String keyName, String what)
            throws CertmgrException, KeyMaterialException {
        if (!keys.isEncrypted(pem)) {
            return new Unlocked(keys.decodePrivateKey(pem, Optional.empty()), !(setting instanceof Passphrase.None));
        }
        if (setting instanceof Passphrase.AskAtRunTime) {
            try {
                return new Unlocked(keys.decodePrivateKey(pem, passphrases.resolve(setting, keyName)), false);
            } catch (WrongPassphraseException e) {
                throw new CertmgrException("the passphrase given for " + keyName + " does not decrypt " + what
                        + "; nothing was changed", e);
            }
        }
        if (setting instanceof Passphrase.Fixed) {
            try {
                return new Unlocked(keys.decodePrivateKey(pem, passphrases.resolve(setting, keyName)), false);
            } catch (WrongPassphraseException e) {
                // The setting may have changed since the key was written: try the old passphrase.
                return withOldPassphrase(pem, keyName, what, "the configured key_passphrase does not decrypt " + what
                        + "; if key_passphrase was changed, give the old passphrase once (--pass, the environment"
                        + " or a terminal) to re-encrypt the key, or run update --force to replace it;"
                        + " nothing was changed");
            }
        }
        return withOldPassphrase(pem, keyName, what, what + " is encrypted but no key_passphrase is configured:"
                + " give its passphrase once (--pass, the environment or a terminal) to store it unencrypted,"
                + " or configure key_passphrase; nothing was changed");
    }

    private Unlocked withOldPassphrase(String pem, String keyName, String what, String noneGiven)
            throws CertmgrException, KeyMaterialException {
        Optional<char[]> old = passphrases.given(keyName);
        if (old.isEmpty()) {
            throw new CertmgrException(noneGiven);
        }
        try {
            return new Unlocked(keys.decodePrivateKey(pem, old), true);
        } catch (WrongPassphraseException e) {
            throw new CertmgrException("the passphrase given for " + keyName + " does not decrypt " + what
                    + "; nothing was changed", e);
        }
    }

    /**
     * Returns the passphrase keys are encrypted with, for hooks that need it.
     *
     * @param setting the configured protection
     * @param keyName the certificate name, or "account"
     * @return the passphrase, or empty for clear keys
     * @throws CertmgrException when a passphrase is to be given at run time and none was
     */
    Optional<char[]> passphrase(Passphrase setting, String keyName) throws CertmgrException {
        return passphrases.resolve(setting, keyName);
    }

    /**
     * Encodes a key with the configured protection.
     *
     * @param key     the key pair
     * @param setting the configured protection
     * @param keyName the certificate name, or "account"
     * @return the PEM text
     * @throws CertmgrException when a passphrase is to be given at run time and none was
     */
    String encode(KeyPair key, Passphrase setting, String keyName) throws CertmgrException {
        return keys.encodePrivateKey(key, passphrases.resolve(setting, keyName));
    }
}
