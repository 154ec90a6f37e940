package org.certmgr.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The ACME account as configured.
 *
 * @param email        contact address registered with the CA, if any
 * @param passphrase   protection of {@code account/client.key}
 * @param agreeToTerms whether the operator accepted the CA's terms of service in the
 *                     configuration ({@code account.agree_to_terms}); without it the terms are
 *                     asked for on a terminal, and a run without a terminal stops with a message
 */
public record AccountSpec(Optional<String> email, Passphrase passphrase, boolean agreeToTerms) {

    /**
     * Validates the values.
     *
     * @param email contact address registered with the CA, if any
     * @param passphrase protection of {@code account/client.key}
     * @param agreeToTerms whether the operator accepted the CA's terms of service in the configuration
     *        ({@code account.agree_to_terms}); without it the terms are asked for on a terminal, and a run without a
     *        terminal stops with a message
     */
    public AccountSpec {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passphrase, "passphrase");
        email.ifPresent(AccountSpec::checkEmail);
    }

    private static void checkEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1
                || email.chars().anyMatch(c -> c <= ' ' || c == ',' || c == ';' || c == '<' || c == '>')) {
            throw new InvalidValueException("\"" + email + "\" is not an email address");
        }
        DnsName.of(email.substring(at + 1));
    }
}
