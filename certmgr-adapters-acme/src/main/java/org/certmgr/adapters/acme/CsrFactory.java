package org.certmgr.adapters.acme;

import java.io.IOException;
import java.security.KeyPair;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;

/** Builds PKCS#10 certificate signing requests for http-01 orders. */
final class CsrFactory {
    /** The TLS Feature extension of RFC 7633. */
    static final ASN1ObjectIdentifier TLS_FEATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");
    /** The TLS extension number of status_request, which makes TLS Feature mean OCSP Must-Staple. */
    static final int STATUS_REQUEST = 5;

    private CsrFactory() {
    }

    /**
     * Creates a CSR: common name the first name, every name a SAN dNSName.
     *
     * @param key        the certificate key
     * @param names      at least one name
     * @param mustStaple whether to add the TLS Feature extension with status_request
     * @return the DER encoding
     */
    static byte[] create(KeyPair key, List<DnsName> names, boolean mustStaple) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a CSR needs at least one name");
        }
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.CN, names.get(0).ascii())
                    .build();
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    names.stream().map(n -> new GeneralName(GeneralName.dNSName, n.ascii())).toArray(GeneralName[]::new)));
            if (mustStaple) {
                extensions.addExtension(TLS_FEATURE, false,
                        new DERSequence(new ASN1Encodable[] {new ASN1Integer(STATUS_REQUEST)}));
            }
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key.getPrivate());
            return new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(signer)
                    .getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot create the certificate signing request: " + e.getMessage(), e);
        }
    }

    // RFC 5480 §4 pairs each curve with the hash of matching strength.
    private static String signatureAlgorithm(KeyPair key) {
        if (key.getPrivate() instanceof RSAKey) {
            return "SHA256withRSA";
        }
        if (key.getPrivate() instanceof ECKey ec) {
            EcCurve curve = KeyParameters.curveOf(ec.getParams())
                    .orElseThrow(() -> new IllegalArgumentException("the EC key is on an unsupported curve"));
            return switch (curve) {
                case SECP256R1 -> "SHA256withECDSA";
                case SECP384R1 -> "SHA384withECDSA";
                case SECP521R1 -> "SHA512withECDSA";
            };
        }
        throw new IllegalArgumentException("unsupported key algorithm " + key.getPrivate().getAlgorithm()
                + "; expected RSA or EC");
    }
}
