package org.certmgr.ports;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.domain.Passphrase;
import org.certmgr.ports.out.Operator;

/**
 * Turns a configured {@link Passphrase} into the characters to encrypt or decrypt with,
 * asking the operator once per key name for those to be given at run time.
 */
final class Passphrases {
    private final Operator operator;
    private final Map<String, char[]> asked = new ConcurrentHashMap<>();

    Passphrases(Operator operator) {
        this.operator = operator;
    }

    /**
     * Resolves the passphrase of a key.
     *
     * @param setting the configured protection
     * @param keyName the certificate name, or "account"
     * @return the passphrase, or empty for a clear key
     * @throws CertmgrException when one must be asked for and none is given
     */
    Optional<char[]> resolve(Passphrase setting, String keyName) throws CertmgrException {
        if (setting instanceof Passphrase.None) {
            return Optional.empty();
        }
        if (setting instanceof Passphrase.Fixed) {
            return Optional.of(((Passphrase.Fixed) setting).value().toCharArray());
        }
        char[] known = asked.get(keyName);
        if (known == null) {
            synchronized (this) {
                known = asked.get(keyName);
                if (known == null) {
                    known = operator.passphrase(keyName).orElseThrow(() -> new CertmgrException(
                            "the private key of " + keyName + " is to be encrypted with a passphrase given at run time,"
                                    + " but none was given (use --pass, the environment, or run on a terminal)"));
                    asked.put(keyName, known);
                }
            }
        }
        return Optional.of(known.clone());
    }
}
