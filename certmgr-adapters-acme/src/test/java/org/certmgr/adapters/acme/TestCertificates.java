package org.certmgr.adapters.acme;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;

/** Throw-away CAs and certificates for unit tests, made with Bouncy Castle. */
final class TestCertificates {

    private TestCertificates() {
    }

    /** A self-signed CA that can issue leaf certificates. */
    static final class Ca {
        final KeyPair key;
        final X509Certificate certificate;
        private final X500Name name;
        private long serial = 1;

        Ca(String commonName) throws Exception {
            this.key = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
            this.name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name, key.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            this.certificate = sign(builder);
        }

        synchronized X509Certificate issue(PublicKey subjectKey, String... dnsNames) throws Exception {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(++serial),
                    Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(7, ChronoUnit.DAYS)),
                    new X500Name("CN=" + dnsNames[0]), subjectKey);
            GeneralName[] sans = new GeneralName[dnsNames.length];
            for (int i = 0; i < dnsNames.length; i++) {
                sans[i] = new GeneralName(dnsNames[i].matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, dnsNames[i]);
            }
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            // ACME Renewal Information names a certificate by its authority key identifier and serial.
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate));
            return sign(builder);
        }

        private X509Certificate sign(X509v3CertificateBuilder builder) throws Exception {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
        }
    }

    /**
     * Returns a leaf for {@code key} and the CA that issued it.
     *
     * @param key the leaf's key
     * @return leaf, then CA
     * @throws Exception never, in practice
     */
    static List<X509Certificate> chain(KeyPair key) throws Exception {
        Ca ca = new Ca("certmgr unit test CA");
        return List.of(ca.issue(key.getPublic(), "leaf.example.test"), ca.certificate);
    }
}
