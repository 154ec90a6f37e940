package org.certmgr.testkit.fakes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.WrongPassphraseException;

/**
 * A {@link KeyMaterial} for unit tests of the core, built on the JDK where it can be (key
 * generation, clear PKCS#8 PEM, certificates) and on Bouncy Castle for CSRs and encrypted
 * keys. Its output is real: keys work, CSRs verify, encrypted keys open with OpenSSL.
 *
 * <p>Unlike the production adapter it makes no effort on key generation speed or on every
 * legacy PEM flavour beyond PKCS#8 and traditional RSA/EC keys. Thread safe and stateless.
 */
public final class FakeKeyMaterial implements KeyMaterial {
    /** OID of the TLS feature extension (RFC 7633) that carries OCSP Must-Staple. */
    static final String TLS_FEATURE_OID = "1.3.6.1.5.5.7.1.24";
    /** The TLS extension number of status_request, the one feature Must-Staple lists. */
    private static final int STATUS_REQUEST = 5;

    // A private instance: registering Bouncy Castle globally would change every other test's JCA.
    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String DH_PARAMETERS = "DH PARAMETERS";
    private static final String EC_PARAMETERS = "EC PARAMETERS";
    private static final BigInteger DH_GENERATOR = BigInteger.TWO;
    private static final int MIN_FRESH_DH_BITS = 512;
    private static final int MAX_FRESH_DH_BITS = 10_000;

    /** Creates the fake. */
    public FakeKeyMaterial() {
        // Stateless.
    }

    @Override
    public KeyPair generate(KeySpec spec) {
        try {
            if (spec instanceof KeySpec.Rsa) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(((KeySpec.Rsa) spec).bits(), RSAKeyGenParameterSpec.F4));
                return generator.generateKeyPair();
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(((KeySpec.Ec) spec).curve().id()));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + spec + " key", e);
        }
    }

    @Override
    public byte[] createCsr(KeyPair key, List<DnsName> names, boolean mustStaple) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a CSR needs at least one name");
        }
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.get(0).ascii()).build();
            PKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject, key.getPublic());
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.stream()
                    .map(name -> new GeneralName(GeneralName.dNSName, name.ascii())).toArray(GeneralName[]::new)));
            if (mustStaple) {
                extensions.addExtension(new ASN1ObjectIdentifier(TLS_FEATURE_OID), false,
                        new DERSequence(new ASN1Integer(STATUS_REQUEST)));
            }
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate());
            return builder.build(new JcaContentSignerBuilder(signatureAlgorithm(key.getPrivate()))
                    .build(key.getPrivate())).getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a CSR for " + names, e);
        }
    }

    /**
     * Returns the signature algorithm a key signs with: SHA-256 for RSA, the hash matching
     * the curve for ECDSA.
     *
     * @param key the signing key
     * @return the JCA algorithm name
     */
    static String signatureAlgorithm(PrivateKey key) {
        if (key instanceof RSAKey) {
            return "SHA256withRSA";
        }
        int fieldSize = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
        return fieldSize > 384 ? "SHA512withECDSA" : fieldSize > 256 ? "SHA384withECDSA" : "SHA256withECDSA";
    }

    @Override
    public String encodePrivateKey(KeyPair key, Optional<char[]> passphrase) {
        if (passphrase.isEmpty()) {
            return Pem.encode("PRIVATE KEY", key.getPrivate().getEncoded());
        }
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setProvider(BC)
                    .setRandom(RANDOM)
                    .setPassword(passphrase.get())
                    .build();
            var pem = new JcaPKCS8Generator(key.getPrivate(), encryptor).generate();
            return Pem.encode(pem.getType(), pem.getContent());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot encrypt the private key", e);
        }
    }

    @Override
    public KeyPair decodePrivateKey(String pem, Optional<char[]> passphrase) throws KeyMaterialException {
        PrivateKeyInfo info = readPrivateKeyInfo(pem, passphrase);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey privateKey = converter.getPrivateKey(info);
            return new KeyPair(publicKeyOf(privateKey, info, converter), privateKey);
        } catch (PEMException | GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyMaterialException("cannot decode the private key: unsupported or corrupt key data", e);
        }
    }

    private static PrivateKeyInfo readPrivateKeyInfo(String pem, Optional<char[]> passphrase)
            throws KeyMaterialException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PrivateKeyInfo) {
                    return (PrivateKeyInfo) object;
                }
                if (object instanceof PEMKeyPair) {
                    return ((PEMKeyPair) object).getPrivateKeyInfo();
                }
                if (object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    char[] password = required(passphrase);
                    try {
                        return ((PKCS8EncryptedPrivateKeyInfo) object).decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(password));
                    } catch (PKCSException | OperatorCreationException e) {
                        throw wrongPassphrase(e);
                    }
                }
                if (object instanceof PEMEncryptedKeyPair) {
                    char[] password = required(passphrase);
                    try {
                        return ((PEMEncryptedKeyPair) object).decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BC).build(password)).getPrivateKeyInfo();
                    } catch (IOException e) {
                        throw wrongPassphrase(e);
                    }
                }
                // Certificates and parameters before the key (e.g. key+cert files) are skipped.
            }
        } catch (IOException | IllegalArgumentException | org.bouncycastle.util.encoders.DecoderException e) {
            // DecoderException: Bouncy Castle's unchecked error for a PEM body that is not base64.
            throw new KeyMaterialException("cannot decode the private key: the PEM text is corrupt", e);
        }
        throw new KeyMaterialException("cannot decode the private key: the text contains no PEM private key");
    }

    private static char[] required(Optional<char[]> passphrase) throws KeyMaterialException {
        return passphrase.orElseThrow(() -> new WrongPassphraseException(
                "cannot decode the private key: it is encrypted and no passphrase was given"));
    }

    private static KeyMaterialException wrongPassphrase(Exception cause) {
        WrongPassphraseException wrong = new WrongPassphraseException(
                "cannot decrypt the private key: wrong passphrase or corrupt data");
        wrong.initCause(cause);
        return wrong;
    }

    private static PublicKey publicKeyOf(PrivateKey key, PrivateKeyInfo info, JcaPEMKeyConverter converter)
            throws GeneralSecurityException, PEMException {
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(),
                    rsa.getPublicExponent()));
        }
        if (key instanceof ECPrivateKey) {
            // The JDK has no point multiplication; Q = d·G with Bouncy Castle's curve arithmetic.
            ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(info.getPrivateKeyAlgorithm().getParameters());
            X9ECParameters parameters = ECNamedCurveTable.getByOID(curve);
            if (parameters == null) {
                throw new GeneralSecurityException("unsupported curve " + curve);
            }
            BigInteger d = ((ECPrivateKey) key).getS();
            byte[] point = parameters.getG().multiply(d).normalize().getEncoded(false);
            return converter.getPublicKey(new SubjectPublicKeyInfo(
                    new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), point));
        }
        throw new GeneralSecurityException("unsupported key algorithm " + key.getAlgorithm());
    }

    @Override
    public String encodeCertificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(Pem.encode("CERTIFICATE", certificate.getEncoded()));
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException("cannot encode certificate " + certificate.getSubjectX500Principal(), e);
            }
        }
        return pem.toString();
    }

    @Override
    public List<X509Certificate> decodeCertificates(String pem) throws KeyMaterialException {
        List<Pem.Block> blocks = Pem.decode(pem, "cannot decode the certificates");
        if (blocks.isEmpty() && !pem.isBlank()) {
            throw new KeyMaterialException("cannot decode the certificates: the text contains no PEM block");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            int number = 0;
            for (Pem.Block block : blocks) {
                number++;
                if (DH_PARAMETERS.equals(block.label()) || EC_PARAMETERS.equals(block.label())) {
                    continue; // params.pem, appended to cert.pem
                }
                if (!"CERTIFICATE".equals(block.label())) {
                    throw new KeyMaterialException("cannot decode the certificates: PEM block " + number + " is a "
                            + block.label() + ", not a CERTIFICATE");
                }
                try {
                    certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
                } catch (CertificateException e) {
                    throw new KeyMaterialException("cannot decode the certificates: PEM block " + number
                            + " is not a valid X.509 certificate", e);
                }
            }
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
        return certificates;
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.certmgr.domain.InvalidValueException when the RSA key size is not one the
     *         domain models (a multiple of 1024 from 2048 to 8192)
     * @throws IllegalArgumentException for a key that is neither RSA nor on a supported curve
     */
    @Override
    public InstalledCertificate describe(KeyType type, X509Certificate certificate, KeyPair key) {
        PublicKey installedPublic = key.getPublic();
        boolean keyMatches = installedPublic != null
                && Arrays.equals(certificate.getPublicKey().getEncoded(), installedPublic.getEncoded());
        return new InstalledCertificate(type, commonName(certificate.getSubjectX500Principal()),
                dnsNames(certificate), certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
                keySpec(key.getPrivate() != null ? key.getPrivate() : key.getPublic()), keyMatches, certificate.getExtensionValue(TLS_FEATURE_OID) != null);
    }

    private static Optional<String> commonName(X500Principal subject) {
        try {
            List<Rdn> rdns = new LdapName(subject.getName(X500Principal.RFC2253)).getRdns();
            // LdapName lists RDNs from the least to the most specific; the last CN is the subject's own.
            for (int i = rdns.size() - 1; i >= 0; i--) {
                if ("CN".equalsIgnoreCase(rdns.get(i).getType())) {
                    return Optional.of(rdns.get(i).getValue().toString());
                }
            }
            return Optional.empty();
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    private static Set<String> dnsNames(X509Certificate certificate) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    if (Integer.valueOf(GeneralName.dNSName).equals(entry.get(0))) {
                        names.add(((String) entry.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("the certificate's subject alternative names cannot be parsed", e);
        }
        return names;
    }

    private static KeySpec keySpec(java.security.Key key) {
        if (key instanceof RSAKey) {
            return new KeySpec.Rsa(((RSAKey) key).getModulus().bitLength());
        }
        if (key instanceof ECKey) {
            int fieldSize = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
            switch (fieldSize) {
                case 256:
                    return new KeySpec.Ec(EcCurve.SECP256R1);
                case 384:
                    return new KeySpec.Ec(EcCurve.SECP384R1);
                case 521:
                    return new KeySpec.Ec(EcCurve.SECP521R1);
                default:
                    throw new IllegalArgumentException("the installed key is on an unsupported " + fieldSize + "-bit curve");
            }
        }
        throw new IllegalArgumentException("the installed key is neither RSA nor ECDSA but " + key.getAlgorithm());
    }

    @Override
    public String toString() {
        return "FakeKeyMaterial";
    }

    @Override
    public boolean isEncrypted(String pem) {
        int begin = pem.indexOf("PRIVATE KEY-----");
        if (begin < 0) {
            return false;
        }
        int lineStart = pem.lastIndexOf('\n', begin) + 1;
        if (pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", lineStart)) {
            return true;
        }
        // A traditional key announces its encryption in headers right after the BEGIN line.
        int bodyStart = pem.indexOf('\n', begin) + 1;
        String rest = bodyStart == 0 ? "" : pem.substring(bodyStart);
        return rest.startsWith("Proc-Type: 4,ENCRYPTED") || rest.startsWith("DEK-Info:");
    }

    /**
     * {@inheritDoc}
     *
     * <p>The RFC 7919 groups are the real ones. "Fresh" parameters are NOT primes: a random
     * odd number of the right size with generator 2, different on every call, so that tests
     * stay instant. Curves are looked up in Bouncy Castle's table of named curves.
     *
     * @throws KeyMaterialException also when fresh parameters are asked for a size OpenSSL
     *                              refuses (below 512 or above 10 000 bits)
     */
    @Override
    public String parameters(ParamsSpec spec) throws KeyMaterialException {
        Optional<ASN1ObjectIdentifier> curve = spec.ecCurve().isEmpty() ? Optional.empty()
                : Optional.of(curveOid(spec.ecCurve().get()));
        StringBuilder pem = new StringBuilder();
        if (spec.dhBits() > 0) {
            BigInteger p;
            if (spec.generateDh()) {
                if (spec.dhBits() < MIN_FRESH_DH_BITS || spec.dhBits() > MAX_FRESH_DH_BITS) {
                    throw new KeyMaterialException("cannot generate DH parameters of " + spec.dhBits() + " bits");
                }
                p = new BigInteger(spec.dhBits(), RANDOM).setBit(spec.dhBits() - 1).setBit(0);
            } else {
                p = rfc7919Prime(spec.dhBits()).orElseThrow(() -> new KeyMaterialException(
                        "no RFC 7919 DH group has " + spec.dhBits() + " bits"));
            }
            pem.append(Pem.encode(DH_PARAMETERS, der(new DERSequence(new ASN1Integer[] {
                new ASN1Integer(p), new ASN1Integer(DH_GENERATOR)}))));
        }
        if (curve.isPresent()) {
            pem.append(Pem.encode(EC_PARAMETERS, der(curve.get())));
        }
        return pem.toString();
    }

    @Override
    public boolean parametersMatch(String pem, ParamsSpec spec) {
        try {
            List<Pem.Block> blocks = Pem.decode(pem, "params");
            List<Pem.Block> dh = blocks.stream().filter(b -> DH_PARAMETERS.equals(b.label())).toList();
            List<Pem.Block> ec = blocks.stream().filter(b -> EC_PARAMETERS.equals(b.label())).toList();
            if (dh.size() + ec.size() != blocks.size() || dh.size() != (spec.dhBits() > 0 ? 1 : 0)
                    || ec.size() != (spec.ecCurve().isPresent() ? 1 : 0)) {
                return false;
            }
            if (!dh.isEmpty()) {
                ASN1Sequence sequence = ASN1Sequence.getInstance(dh.get(0).der());
                BigInteger p = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
                BigInteger g = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
                boolean standardPrime = rfc7919Prime(spec.dhBits()).equals(Optional.of(p));
                if (p.bitLength() != spec.dhBits() || standardPrime == spec.generateDh()
                        || !spec.generateDh() && !DH_GENERATOR.equals(g)) {
                    return false;
                }
            }
            return ec.isEmpty() || ASN1Primitive.fromByteArray(ec.get(0).der()).equals(curveOid(spec.ecCurve().get()));
        } catch (KeyMaterialException | IOException | RuntimeException e) {
            return false;
        }
    }

    private static ASN1ObjectIdentifier curveOid(String name) throws KeyMaterialException {
        ASN1ObjectIdentifier oid = ECNamedCurveTable.getOID(name);
        if (oid == null) {
            throw new KeyMaterialException("unknown EC curve " + name);
        }
        return oid;
    }

    private static Optional<BigInteger> rfc7919Prime(int bits) {
        return Optional.ofNullable(switch (bits) {
            case 2048 -> DHStandardGroups.rfc7919_ffdhe2048.getP();
            case 3072 -> DHStandardGroups.rfc7919_ffdhe3072.getP();
            case 4096 -> DHStandardGroups.rfc7919_ffdhe4096.getP();
            case 6144 -> DHStandardGroups.rfc7919_ffdhe6144.getP();
            case 8192 -> DHStandardGroups.rfc7919_ffdhe8192.getP();
            default -> null;
        });
    }

    private static byte[] der(org.bouncycastle.asn1.ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the parameters", e);
        }
    }
}
