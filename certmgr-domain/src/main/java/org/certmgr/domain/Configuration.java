package org.certmgr.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration the core works from: account, CA, timing, certificates and
 * services. Settings that concern only the local machine (paths, log file, lock file) stay
 * with the adapters that use them.
 *
 * @param account          the ACME account
 * @param acmeDirectoryUrl the CA's directory URL ({@code acme_directory_url})
 * @param timing           how long to wait for the CA
 * @param certificates     certificates in configuration order
 * @param services         service name → reload command
 */
public record Configuration(AccountSpec account, String acmeDirectoryUrl, AcmeTiming timing,
                            List<CertificateSpec> certificates, Map<String, String> services) {

    /** Let's Encrypt's production directory, the default CA. */
    public static final String LETS_ENCRYPT = "https://acme-v02.api.letsencrypt.org/directory";

    /**
     * Validates the combination: certificate names unique, no name in two certificates (its folder link would
     * be ambiguous), every referenced service defined.
     *
     * @param account the ACME account
     * @param acmeDirectoryUrl the CA's directory URL ({@code acme_directory_url})
     * @param timing how long to wait for the CA
     * @param certificates certificates in configuration order
     * @param services service name → reload command
     */
    public Configuration {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(acmeDirectoryUrl, "acmeDirectoryUrl");
        Objects.requireNonNull(timing, "timing");
        certificates = List.copyOf(certificates);
        services = Map.copyOf(services);
        Map<DnsName, CertificateName> owner = new HashMap<>();
        for (CertificateSpec cert : certificates) {
            for (DnsName n : cert.altNames()) {
                CertificateName previous = owner.putIfAbsent(n, cert.name());
                if (previous != null) {
                    throw new InvalidValueException(previous.equals(cert.name())
                            ? "certificate " + cert.name() + " is configured twice"
                            : "name " + n + " is in both certificate " + previous + " and certificate " + cert.name()
                            + "; each name may belong to one certificate only");
                }
            }
            for (String service : cert.services()) {
                if (!services.containsKey(service)) {
                    throw new InvalidValueException("certificate " + cert.name() + " uses service \"" + service
                            + "\", which is not defined in \"services\"");
                }
            }
        }
    }

    /**
     * Selects the certificates named on the command line, in configuration order.
     *
     * @param names common names or alternative names; empty selects all
     * @return the selected certificates
     * @throws InvalidValueException when a name matches no certificate
     */
    public List<CertificateSpec> select(List<String> names) {
        if (names.isEmpty()) {
            return certificates;
        }
        Map<CertificateName, CertificateSpec> chosen = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            boolean found = false;
            for (CertificateSpec cert : certificates) {
                if (cert.answersTo(n)) {
                    chosen.put(cert.name(), cert);
                    found = true;
                }
            }
            if (!found) {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidValueException("no certificate is configured for " + String.join(", ", unknown));
        }
        List<CertificateSpec> ordered = new ArrayList<>();
        for (CertificateSpec cert : certificates) {
            if (chosen.containsKey(cert.name())) {
                ordered.add(cert);
            }
        }
        return ordered;
    }
    /**
     * Starts a builder for a configuration made in code rather than read from {@code certmgr.json}:
     * no account email, terms of service not agreed to, the default timing, no services.
     *
     * @param acmeDirectoryUrl the CA's directory URL ({@code acme_directory_url})
     * @return a builder
     */
    public static Builder builder(String acmeDirectoryUrl) {
        return new Builder(acmeDirectoryUrl);
    }

    /** Builds a {@link Configuration} in code, e.g. in a program that embeds certmgr. */
    public static final class Builder {
        private final String acmeDirectoryUrl;
        private AccountSpec account = new AccountSpec(Optional.empty(), Passphrase.NONE, false);
        private AcmeTiming timing = AcmeTiming.DEFAULT;
        private final List<CertificateSpec> certificates = new ArrayList<>();
        private final Map<String, String> services = new LinkedHashMap<>();

        private Builder(String acmeDirectoryUrl) {
            this.acmeDirectoryUrl = Objects.requireNonNull(acmeDirectoryUrl, "acmeDirectoryUrl");
        }

        /**
         * Sets the ACME account.
         *
         * @param account the account; by default one without email that has not agreed to the CA's terms
         * @return this builder
         */
        public Builder account(AccountSpec account) {
            this.account = account;
            return this;
        }

        /**
         * Sets the account to one with an email address that agrees to the CA's terms of service, which
         * most CAs require before they register an account.
         *
         * @param email the contact address the CA may write to
         * @return this builder
         * @throws InvalidValueException when it is not an email address
         */
        public Builder agreeToTerms(String email) {
            return account(new AccountSpec(Optional.of(email), account.passphrase(), true));
        }

        /**
         * Sets how long to wait for the CA.
         *
         * @param timing the timing; {@link AcmeTiming#DEFAULT} by default
         * @return this builder
         */
        public Builder timing(AcmeTiming timing) {
            this.timing = timing;
            return this;
        }

        /**
         * Adds certificates, after those added before.
         *
         * @param specs the certificates, e.g. from {@link CertificateSpec#builder}
         * @return this builder
         */
        public Builder certificate(CertificateSpec... specs) {
            certificates.addAll(List.of(specs));
            return this;
        }

        /**
         * Defines a service that certificates can name.
         *
         * @param name    the service name
         * @param command its reload command
         * @return this builder
         */
        public Builder service(String name, String command) {
            services.put(name, command);
            return this;
        }

        /**
         * Builds the configuration, validating it as the record's constructor does.
         *
         * @return the configuration
         * @throws InvalidValueException when the combination is not valid
         */
        public Configuration build() {
            return new Configuration(account, acmeDirectoryUrl, timing, certificates, services);
        }
    }
}
