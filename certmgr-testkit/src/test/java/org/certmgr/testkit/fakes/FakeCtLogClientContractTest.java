package org.certmgr.testkit.fakes;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.testkit.contract.CtLogClientContract;

/** The fake CT client meets the same contract as the real one. */
class FakeCtLogClientContractTest extends CtLogClientContract {
    private final FakeCtLogClient client = new FakeCtLogClient();

    private static CtLogSpec spec(String name, int first) {
        byte[] id = new byte[32];
        id[0] = (byte) first;
        return new CtLogSpec(name, "http://" + name + ".test/", Base64.getEncoder().encodeToString(id),
                Optional.empty());
    }

    private static X509Certificate certificate(long serial) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        X500Name name = new X500Name("CN=c" + serial + ".test");
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(serial), Date.from(now), Date.from(now.plus(Duration.ofDays(1))), name,
                key.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(key.getPrivate())));
    }

    @Override
    protected CtLogClient client() {
        return client;
    }

    @Override
    protected CtLogSpec log() {
        return spec("log", 1);
    }

    @Override
    protected CtLogSpec otherLog() {
        return spec("other", 2);
    }

    @Override
    protected List<X509Certificate> chain() throws Exception {
        return List.of(certificate(10), certificate(11));
    }

    @Override
    protected X509Certificate otherLeaf() throws Exception {
        return certificate(12);
    }
}
