package org.certmgr.testkit.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.certmgr.domain.KeyType;

/**
 * A small certificate authority for TLS tests: an RSA root and intermediate that issue RSA
 * 2048 and ECDSA P-256 server chains, and OCSP responses about them.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The OID of the TLS Feature extension (RFC 7633), whose value 5 is Must-Staple. */
    private static final String TLS_FEATURE = "1.3.6.1.5.5.7.1.24";
    private final KeyPair intermediateKey;
    private final X509Certificate root;
    private final X509Certificate intermediate;

    private TestPki(KeyPair intermediateKey, X509Certificate root, X509Certificate intermediate) {
        this.intermediateKey = intermediateKey;
        this.root = root;
        this.intermediate = intermediate;
    }

    /**
     * Creates a new authority.
     *
     * @param name a word for the subject names, e.g. {@code test}
     * @return the authority
     */
    public static TestPki create(String name) {
        try {
            KeyPair rootKey = key(KeyType.RSA);
            X500Name rootName = new X500Name("CN=" + name + " Root");
            Instant from = Instant.now().minus(Duration.ofDays(1));
            Instant to = from.plus(Duration.ofDays(3650));
            X509Certificate root = sign(new JcaX509v3CertificateBuilder(rootName, serial(), Date.from(from),
                    Date.from(to), rootName, rootKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    rootKey);
            KeyPair intermediateKey = key(KeyType.RSA);
            X509Certificate intermediate = sign(new JcaX509v3CertificateBuilder(root, serial(), Date.from(from),
                    Date.from(to), new X500Name("CN=" + name + " Intermediate"), intermediateKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
                    rootKey);
            return new TestPki(intermediateKey, root, intermediate);
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot create the test PKI", e);
        }
    }

    /**
     * Returns the root.
     *
     * @return the self-signed root
     */
    public X509Certificate root() {
        return root;
    }

    /**
     * Returns the intermediate that signs leaves and OCSP responses.
     *
     * @return the intermediate
     */
    public X509Certificate intermediate() {
        return intermediate;
    }

    /**
     * Issues a server chain valid from a day ago for 90 days.
     *
     * @param type  RSA (2048) or ECDSA (P-256)
     * @param names DNS names, the first also the common name
     * @return key and chain (leaf, intermediate)
     */
    public ServedChain issue(KeyType type, String... names) {
        return issue(type, false, names);
    }

    /**
     * Issues a server chain, optionally with Must-Staple.
     *
     * @param type       RSA (2048) or ECDSA (P-256)
     * @param mustStaple whether to add the TLS Feature extension status_request
     * @param names      DNS names, the first also the common name
     * @return key and chain (leaf, intermediate)
     */
    public ServedChain issue(KeyType type, boolean mustStaple, String... names) {
        try {
            KeyPair key = key(type);
            Instant from = Instant.now().minus(Duration.ofDays(1));
            int usage = KeyUsage.digitalSignature | (key.getPublic() instanceof RSAKey ? KeyUsage.keyEncipherment : 0);
            GeneralName[] sans = new GeneralName[names.length];
            for (int i = 0; i < names.length; i++) {
                sans[i] = new GeneralName(GeneralName.dNSName, names[i]);
            }
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(intermediate, serial(), Date.from(from),
                    Date.from(from.plus(Duration.ofDays(90))), new X500Name("CN=" + names[0]), key.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(usage))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            if (mustStaple) {
                builder.addExtension(new ASN1ObjectIdentifier(TLS_FEATURE), false, new DERSequence(new ASN1Integer(5)));
            }
            return new ServedChain(key.getPrivate(), List.of(sign(builder, intermediateKey), intermediate));
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot issue for " + List.of(names), e);
        }
    }

    /**
     * Creates a DER OCSP response about a leaf this authority issued, signed by the intermediate.
     *
     * @param leaf       the certificate the response is about
     * @param revoked    true for status revoked, false for good
     * @param thisUpdate when the status was known
     * @param nextUpdate when the response expires
     * @return the DER encoding of the complete OCSPResponse
     */
    public byte[] ocspResponse(X509Certificate leaf, boolean revoked, Instant thisUpdate, Instant nextUpdate) {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(intermediate), leaf.getSerialNumber());
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
                    new RespID(new JcaX509CertificateHolder(intermediate).getSubject()));
            CertificateStatus status = revoked ? new RevokedStatus(Date.from(thisUpdate), 0) : CertificateStatus.GOOD;
            builder.addResponse(id, status, Date.from(thisUpdate), Date.from(nextUpdate));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(intermediateKey.getPrivate()),
                    null, Date.from(thisUpdate))).getEncoded();
        } catch (GeneralSecurityException | java.io.IOException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IllegalStateException("cannot create an OCSP response", e);
        }
    }

    /**
     * Returns an OCSP response with an error status and no body.
     *
     * @param status e.g. 1 (malformedRequest), 2 (internalError)
     * @return the DER encoding
     */
    public static byte[] ocspError(int status) {
        try {
            OCSPResp response = new OCSPRespBuilder().build(status, null);
            return response.getEncoded();
        } catch (java.io.IOException | org.bouncycastle.cert.ocsp.OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair key(KeyType type) throws GeneralSecurityException {
        if (type == KeyType.RSA) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKey)
            throws GeneralSecurityException, org.bouncycastle.operator.OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
    }
}
