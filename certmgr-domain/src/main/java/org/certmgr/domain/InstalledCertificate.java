package org.certmgr.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is installed for one key type of a certificate, as read from its files.
 *
 * @param keyType        the key type folder it was read from
 * @param commonName     the subject common name, if the certificate has one
 * @param names          the DNS names of the subject alternative name extension, lower case ASCII
 * @param notBefore      start of validity
 * @param notAfter       end of validity
 * @param key            parameters of the installed private key
 * @param keyMatches     whether the private key belongs to the certificate
 * @param mustStaple     whether the certificate carries the OCSP Must-Staple (TLS feature) extension
 */
public record InstalledCertificate(KeyType keyType, Optional<String> commonName, Set<String> names,
                                   Instant notBefore, Instant notAfter, KeySpec key,
                                   boolean keyMatches, boolean mustStaple) {

    /**
     * Checks the values are present and the validity period is not reversed.
     *
     * @param keyType the key type folder it was read from
     * @param commonName the subject common name, if the certificate has one
     * @param names the DNS names of the subject alternative name extension, lower case ASCII
     * @param notBefore start of validity
     * @param notAfter end of validity
     * @param key parameters of the installed private key
     * @param keyMatches whether the private key belongs to the certificate
     * @param mustStaple whether the certificate carries the OCSP Must-Staple (TLS feature) extension
     */
    public InstalledCertificate {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(commonName, "commonName");
        names = Set.copyOf(names);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(key, "key");
        if (notAfter.isBefore(notBefore)) {
            throw new InvalidValueException("certificate validity ends before it starts");
        }
    }

    /**
     * Returns the length of the validity period.
     *
     * @return notAfter − notBefore
     */
    public Duration lifetime() {
        return Duration.between(notBefore, notAfter);
    }
}
