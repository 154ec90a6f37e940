package org.certmgr.ports.out;

import java.util.Objects;
import java.util.Optional;

/**
 * An account registered with a CA, as kept in {@code account/registration.json}.
 *
 * @param accountUrl   the account's URL at the CA (its key id)
 * @param directoryUrl the directory URL of the CA it was registered with
 * @param email        the contact address registered, if any
 */
public record AccountRegistration(String accountUrl, String directoryUrl, Optional<String> email) {
    /**
     * Checks the URLs are present.
     *
     * @param accountUrl the account's URL at the CA (its key id)
     * @param directoryUrl the directory URL of the CA it was registered with
     * @param email the contact address registered, if any
     */
    public AccountRegistration {
        Objects.requireNonNull(accountUrl, "accountUrl");
        Objects.requireNonNull(directoryUrl, "directoryUrl");
        Objects.requireNonNull(email, "email");
    }
}
