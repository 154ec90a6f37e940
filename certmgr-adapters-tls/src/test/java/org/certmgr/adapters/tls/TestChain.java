package org.certmgr.adapters.tls;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA certificate and a leaf it signed, made with Bouncy Castle for tests that need a chain. */
final class TestChain {
    private TestChain() {
    }

    static List<X509Certificate> leafAndIssuer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair caKey = generator.generateKeyPair();
        KeyPair leafKey = generator.generateKeyPair();
        X500Name caName = new X500Name("CN=Test CA");
        Instant now = Instant.now();
        X509Certificate ca = sign(caName, caName, caKey, caKey, BigInteger.ONE, now);
        X509Certificate leaf = sign(caName, new X500Name("CN=leaf.test"), caKey, leafKey, BigInteger.valueOf(77), now);
        return List.of(leaf, ca);
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, KeyPair issuerKey, KeyPair subjectKey,
                                        BigInteger serial, Instant now) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(issuer, serial,
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject,
                subjectKey.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }
}
