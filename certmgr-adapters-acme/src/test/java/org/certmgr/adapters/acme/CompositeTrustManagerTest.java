package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompositeTrustManagerTest {
    private static TestCertificates.Ca privateCa;
    private static TestCertificates.Ca strangerCa;
    private static KeyPair serverKey;

    @BeforeAll
    static void cas() throws Exception {
        privateCa = new TestCertificates.Ca("private ACME CA");
        strangerCa = new TestCertificates.Ca("stranger CA");
        serverKey = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
    }

    @Test
    void givenChainToAnExtraAnchor_whenCheckServerTrusted_thenAccepted() throws Exception {
        CompositeTrustManager trust = CompositeTrustManager.withDefaultsAnd(List.of(privateCa.certificate));
        X509Certificate server = privateCa.issue(serverKey.getPublic(), "acme.example.test");

        trust.checkServerTrusted(new X509Certificate[] {server, privateCa.certificate}, "ECDHE_ECDSA");
        trust.checkServerTrusted(new X509Certificate[] {server}, "ECDHE_ECDSA");
    }

    @Test
    void givenChainToAnUnknownCa_whenCheckServerTrusted_thenRejected() throws Exception {
        CompositeTrustManager trust = CompositeTrustManager.withDefaultsAnd(List.of(privateCa.certificate));
        X509Certificate server = strangerCa.issue(serverKey.getPublic(), "acme.example.test");

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {server, strangerCa.certificate}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void givenNoExtraAnchors_whenCheckServerTrusted_thenOnlyTheDefaultTrustStoreCounts() throws Exception {
        CompositeTrustManager trust = CompositeTrustManager.withDefaultsAnd(List.of());
        X509Certificate server = privateCa.issue(serverKey.getPublic(), "acme.example.test");

        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {server, privateCa.certificate}, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateException.class);
    }

    @Test
    void givenExtraAnchor_whenAcceptedIssuers_thenTheJvmDefaultsAndTheAnchor() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((java.security.KeyStore) null);
        X509Certificate[] defaults = ((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers();

        X509Certificate[] accepted = CompositeTrustManager.withDefaultsAnd(List.of(privateCa.certificate)).getAcceptedIssuers();

        assertThat(accepted).contains(privateCa.certificate).contains(defaults).hasSize(defaults.length + 1);
    }
}
