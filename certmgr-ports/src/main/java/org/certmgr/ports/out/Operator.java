package org.certmgr.ports.out;

import java.util.Optional;

/**
 * The person running certmgr, when there is one.
 *
 * <p>Contract: implementations MUST NOT block when nobody can answer (no terminal): they
 * return {@code false} or empty at once.
 */
public interface Operator {

    /**
     * Asks whether the CA's terms of service are accepted.
     *
     * @param termsUrl where the terms can be read
     * @return true when the operator accepted them
     */
    boolean acceptTerms(String termsUrl);

    /**
     * Obtains a passphrase that the configuration says to ask for at run time.
     *
     * @param keyName what the passphrase is for: a certificate name, or {@code "account"}
     * @return the passphrase, or empty when none can be obtained
     */
    Optional<char[]> passphrase(String keyName);

    /** An operator that is never there: refuses terms, has no passphrase. */
    Operator ABSENT = new Operator() {
        @Override
        public boolean acceptTerms(String termsUrl) {
            return false;
        }

        @Override
        public Optional<char[]> passphrase(String keyName) {
            return Optional.empty();
        }
    };
}
