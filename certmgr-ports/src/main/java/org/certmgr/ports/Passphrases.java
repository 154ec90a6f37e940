package org.certmgr.ports;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.Passphrase;
import org.certmgr.ports.out.Operator;

/**
 * Turns a configured {@link Passphrase} into the characters to encrypt or decrypt with,
 * asking the operator at most once per key name, and only when a key needs it.
 */
final class Passphrases {
    private static final Optional<char[]> NOT_GIVEN = Optional.empty();

    private final Operator operator;
    private final Map<String, Optional<char[]>> asked = new HashMap<>();

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
        Optional<char[]> given = given(keyName);
        if (given.isEmpty()) {
            throw new CertmgrException("the private key of " + keyName + " is encrypted with a passphrase given at"
                    + " run time (key_passphrase: true), but none was given (use --pass, the environment, a"
                    + " terminal or standard input)");
        }
        return given;
    }

    /**
     * Returns what the operator gives for a key, asking once.
     *
     * @param keyName the certificate name, or "account"
     * @return the passphrase, or empty when the operator has none
     */
    synchronized Optional<char[]> given(String keyName) {
        // Synchronized so that two certificates never prompt on the terminal at the same time.
        Optional<char[]> known = asked.computeIfAbsent(keyName, name -> {
            Optional<char[]> answer = operator.passphrase(name);
            return answer.isPresent() ? Optional.of(answer.get().clone()) : NOT_GIVEN;
        });
        return known.map(char[]::clone);
    }
}
