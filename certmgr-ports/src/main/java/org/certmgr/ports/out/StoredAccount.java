package org.certmgr.ports.out;

import java.util.Objects;

/**
 * The account files: the client key as PEM and the registration.
 *
 * @param privateKeyPem the account key, PKCS#8 PEM, possibly encrypted; never logged
 * @param registration  the registration
 */
public record StoredAccount(String privateKeyPem, AccountRegistration registration) {
    /**
     * Checks both parts are present.
     *
     * @param privateKeyPem the account key, PKCS#8 PEM, possibly encrypted; never logged
     * @param registration the registration
     */
    public StoredAccount {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(registration, "registration");
    }

    @Override
    public String toString() {
        return "StoredAccount[" + registration + "]";
    }
}
