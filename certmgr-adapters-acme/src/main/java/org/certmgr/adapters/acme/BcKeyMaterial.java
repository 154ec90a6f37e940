package org.certmgr.adapters.acme;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;

/**
 * {@link KeyMaterial} with the JDK's key generators and Bouncy Castle's ASN.1, PKCS#8 and
 * PKCS#10 code. Keys are the JDK's own classes, whichever way they were made.
 *
 * <p>Thread safe: no state but a {@link SecureRandom}, which is.
 */
final class BcKeyMaterial implements KeyMaterial {
    private final SecureRandom random = new SecureRandom();
    private final PrivateKeyCodec privateKeys = new PrivateKeyCodec(random);
    private final ParamsFile params = new ParamsFile(random);

    /**
     * Creates the adapter. Bouncy Castle's JCA provider is registered only by the operations
     * that need it (encrypted keys), so that reading clear keys and certificates stays cheap.
     */
    BcKeyMaterial() {
        // Nothing to set up.
    }

    @Override
    public KeyPair generate(KeySpec spec) {
        Objects.requireNonNull(spec, "spec");
        try {
            KeyPairGenerator generator;
            if (spec instanceof KeySpec.Rsa rsa) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(rsa.bits(), RSAKeyGenParameterSpec.F4), random);
            } else {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(KeyParameters.parametersOf(((KeySpec.Ec) spec).curve()), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM cannot generate a " + spec + " key", e);
        }
    }

    @Override
    public byte[] createCsr(KeyPair key, List<DnsName> names, boolean mustStaple) {
        return CsrFactory.create(key, List.copyOf(names), mustStaple);
    }

    @Override
    public String encodePrivateKey(KeyPair key, Optional<char[]> passphrase) {
        return privateKeys.encode(key, passphrase);
    }

    @Override
    public KeyPair decodePrivateKey(String pem, Optional<char[]> passphrase) throws KeyMaterialException {
        return privateKeys.decode(pem, passphrase);
    }

    @Override
    public String encodeCertificates(List<X509Certificate> certificates) {
        return CertificateCodec.encode(certificates);
    }

    @Override
    public List<X509Certificate> decodeCertificates(String pem) throws KeyMaterialException {
        return CertificateCodec.decode(pem);
    }

    @Override
    public InstalledCertificate describe(KeyType type, X509Certificate certificate, KeyPair key) {
        return CertificateDescriber.describe(type, certificate, key);
    }

    @Override
    public boolean isEncrypted(String pem) {
        return PrivateKeyCodec.isEncrypted(pem);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Fresh parameters are safe primes with generator 2, searched as {@code openssl dhparam}
     * does; 2048 bits take seconds, 4096 bits minutes. OpenSSL's limits apply to their size.
     *
     * @throws KeyMaterialException also when fresh parameters are asked for a size OpenSSL
     *                              refuses (below 512 or above 10 000 bits)
     */
    @Override
    public String parameters(ParamsSpec spec) throws KeyMaterialException {
        Objects.requireNonNull(spec, "spec");
        return params.write(spec);
    }

    @Override
    public boolean parametersMatch(String pem, ParamsSpec spec) {
        return ParamsFile.matches(pem, spec);
    }

    @Override
    public String toString() {
        return "BcKeyMaterial";
    }
}
