package org.certmgr.testkit.fakes;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A two-level CA in memory: a root and an intermediate (ECDSA P-256, valid 2000–2099 so that
 * any test clock fits), issuing server certificates signed by the intermediate.
 */
final class InMemoryCa {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Date CA_NOT_BEFORE = Date.from(Instant.parse("2000-01-01T00:00:00Z"));
    private static final Date CA_NOT_AFTER = Date.from(Instant.parse("2099-12-31T23:59:59Z"));

    private final X509Certificate root;
    private final KeyPair intermediateKey;
    private final X509Certificate intermediate;

    /**
     * Generates the root and intermediate.
     *
     * @param name a distinguishing word for the subject names
     */
    InMemoryCa(String name) {
        try {
            String suffix = name + " " + Long.toHexString(RANDOM.nextLong());
            KeyPair rootKey = newKey();
            X500Name rootName = new X500Name("CN=" + name + " Root " + suffix);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            root = sign(new JcaX509v3CertificateBuilder(rootName, serial(), CA_NOT_BEFORE, CA_NOT_AFTER, rootName,
                    rootKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(rootKey.getPublic())), rootKey);
            intermediateKey = newKey();
            intermediate = sign(new JcaX509v3CertificateBuilder(root, serial(), CA_NOT_BEFORE, CA_NOT_AFTER,
                    new X500Name("CN=" + name + " Intermediate " + suffix), intermediateKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(intermediateKey.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root)),
                    rootKey);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("cannot create the in-memory CA", e);
        }
    }

    /**
     * Issues a server certificate.
     *
     * @param publicKey   the subject's key
     * @param commonName  the subject CN
     * @param dnsNames    the SAN DNS names, in order
     * @param notBefore   start of validity
     * @param notAfter    end of validity
     * @param tlsFeature  the DER value of a TLS feature extension to include, if any
     * @return the certificate, signed by the intermediate
     */
    X509Certificate issue(PublicKey publicKey, String commonName, List<String> dnsNames, Instant notBefore,
                          Instant notAfter, Optional<byte[]> tlsFeature) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            int usage = KeyUsage.digitalSignature | (publicKey instanceof RSAKey ? KeyUsage.keyEncipherment : 0);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(intermediate, serial(),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + commonName), publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                            .map(name -> new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(intermediate));
            if (tlsFeature.isPresent()) {
                builder.addExtension(new Extension(new ASN1ObjectIdentifier(FakeKeyMaterial.TLS_FEATURE_OID), false,
                        tlsFeature.get()));
            }
            return sign(builder, intermediateKey);
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("the in-memory CA cannot issue for " + dnsNames, e);
        }
    }

    /**
     * Returns the root.
     *
     * @return the self-signed root certificate
     */
    X509Certificate root() {
        return root;
    }

    /**
     * Returns the intermediate.
     *
     * @return the certificate that signs leaves
     */
    X509Certificate intermediate() {
        return intermediate;
    }

    private static KeyPair newKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }
}
