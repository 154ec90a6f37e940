package org.certmgr.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
}
