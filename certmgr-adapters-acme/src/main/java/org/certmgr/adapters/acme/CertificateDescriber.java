package org.certmgr.adapters.acme;

import java.security.Key;
import java.security.KeyPair;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeyType;

/** Reads what the renewal planner needs from an installed certificate and its key. */
final class CertificateDescriber {
    private static final int SAN_DNS_NAME = 2;

    private CertificateDescriber() {
    }

    /**
     * Describes a certificate and the key installed with it.
     *
     * @param type        the key type folder the files came from
     * @param certificate the leaf
     * @param key         the installed key pair
     * @return the description
     * @throws org.certmgr.domain.InvalidValueException when the key is of a size or curve
     *         that {@link org.certmgr.domain.KeySpec} cannot express (e.g. RSA 1024)
     */
    static InstalledCertificate describe(KeyType type, X509Certificate certificate, KeyPair key) {
        Key described = key.getPrivate() != null ? key.getPrivate() : key.getPublic();
        return new InstalledCertificate(type,
                commonName(certificate),
                dnsNames(certificate),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                KeyParameters.specOf(described),
                key.getPublic() != null && KeyParameters.samePublicKey(certificate.getPublicKey(), key.getPublic()),
                mustStaple(certificate));
    }

    private static Optional<String> commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] cns = subject.getRDNs(BCStyle.CN);
        if (cns.length == 0) {
            return Optional.empty();
        }
        return Optional.of(IETFUtils.valueToString(cns[0].getFirst().getValue()));
    }

    private static Set<String> dnsNames(X509Certificate certificate) {
        Collection<List<?>> sans;
        try {
            sans = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("the certificate for " + certificate.getSubjectX500Principal().getName()
                    + " has a malformed subject alternative name extension", e);
        }
        if (sans == null) {
            return Set.of();
        }
        return sans.stream()
                .filter(san -> san.size() >= 2 && Integer.valueOf(SAN_DNS_NAME).equals(san.get(0)))
                .map(san -> String.valueOf(san.get(1)).toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Tells whether a certificate carries the TLS Feature extension with status_request.
     *
     * @param certificate the certificate
     * @return true for OCSP Must-Staple
     */
    static boolean mustStaple(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(CsrFactory.TLS_FEATURE.getId());
        if (extension == null) {
            return false;
        }
        try {
            ASN1Sequence features = ASN1Sequence.getInstance(ASN1OctetString.getInstance(extension).getOctets());
            for (var feature : features) {
                if (ASN1Integer.getInstance(feature).hasValue(CsrFactory.STATUS_REQUEST)) {
                    return true;
                }
            }
            return false;
        } catch (IllegalArgumentException e) {
            // A malformed extension promises nothing a server could honour.
            return false;
        }
    }
}
