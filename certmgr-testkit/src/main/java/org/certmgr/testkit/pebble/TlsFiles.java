package org.certmgr.testkit.pebble;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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
 * The TLS files of one Pebble run: a throw-away CA and the HTTPS certificate it signs for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}, written as PEM.
 *
 * <p>Generated per run instead of using Pebble's published test CA, whose private key is
 * public: a client that trusts only this CA can talk to this Pebble and nothing else.
 */
final class TlsFiles {
    private static final Duration LIFETIME = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path caPem;
    private final Path certificatePem;
    private final Path privateKeyPem;
    private final X509Certificate ca;

    private TlsFiles(Path caPem, Path certificatePem, Path privateKeyPem, X509Certificate ca) {
        this.caPem = caPem;
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.ca = ca;
    }

    /**
     * Generates the CA and server certificate and writes them into {@code dir}.
     *
     * @param dir the run's work directory
     * @return the written files
     * @throws IOException when they cannot be generated or written
     */
    static TlsFiles generate(Path dir) throws IOException {
        try {
            KeyPair caKey = newEcKey();
            KeyPair serverKey = newEcKey();
            Instant now = Instant.now();
            Date notBefore = Date.from(now.minus(Duration.ofHours(1)));
            Date notAfter = Date.from(now.plus(LIFETIME));
            X500Name caName = new X500Name("CN=certmgr test CA for Pebble " + Long.toHexString(RANDOM.nextLong()));
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();

            X509v3CertificateBuilder caBuilder = new JcaX509v3CertificateBuilder(caName, serial(), notBefore, notAfter,
                    caName, caKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(caKey.getPublic()));
            X509Certificate caCert = sign(caBuilder, caKey);

            GeneralNames sans = new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1"),
            });
            X509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(caCert, serial(), notBefore,
                    notAfter, new X500Name("CN=localhost"), serverKey.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, sans)
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(serverKey.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(caCert));
            X509Certificate serverCert = sign(serverBuilder, caKey);

            Path caPem = dir.resolve("tls-ca.pem");
            Path certificatePem = dir.resolve("tls-cert.pem");
            Path privateKeyPem = dir.resolve("tls-key.pem");
            Files.writeString(caPem, pem("CERTIFICATE", caCert.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(certificatePem, pem("CERTIFICATE", serverCert.getEncoded()), StandardCharsets.US_ASCII);
            writePrivate(privateKeyPem, pem("PRIVATE KEY", serverKey.getPrivate().getEncoded()));
            return new TlsFiles(caPem, certificatePem, privateKeyPem, caCert);
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IOException("cannot generate the TLS certificate for Pebble: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the CA certificate file.
     *
     * @return the PEM file a client must trust
     */
    Path caPem() {
        return caPem;
    }

    /**
     * Returns the server certificate file.
     *
     * @return Pebble's {@code certificate}
     */
    Path certificatePem() {
        return certificatePem;
    }

    /**
     * Returns the server key file.
     *
     * @return Pebble's {@code privateKey}
     */
    Path privateKeyPem() {
        return privateKeyPem;
    }

    /**
     * Returns the CA certificate.
     *
     * @return the trust anchor
     */
    X509Certificate ca() {
        return ca;
    }

    private static KeyPair newEcKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).setBit(63);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKey)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }

    /**
     * Encodes DER as a PEM block with 64-column lines.
     *
     * @param label the PEM label
     * @param der   the content
     * @return the PEM text ending in a newline
     */
    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static void writePrivate(Path file, String text) throws IOException {
        // Created owner-only from the start; the key is a throw-away but still a key.
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }
}
