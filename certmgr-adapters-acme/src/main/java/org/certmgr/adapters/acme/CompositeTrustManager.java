package org.certmgr.adapters.acme;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts what the JVM's default trust store trusts, and also chains that end at one of some
 * extra anchors (a private ACME CA such as step-ca, or a test CA).
 *
 * <p>Each check is delegated to the JDK's own trust managers, so host name verification and
 * revocation settings stay exactly as the JVM does them; nothing JVM-wide is changed.
 */
final class CompositeTrustManager extends X509ExtendedTrustManager {
    private final List<X509ExtendedTrustManager> delegates;

    private CompositeTrustManager(List<X509ExtendedTrustManager> delegates) {
        this.delegates = List.copyOf(delegates);
    }

    /**
     * Creates a trust manager for the default trust store plus extra anchors.
     *
     * @param extraAnchors certificates to trust as well; may be empty
     * @return the trust manager
     * @throws GeneralSecurityException when the JVM's trust store cannot be loaded
     */
    static CompositeTrustManager withDefaultsAnd(List<X509Certificate> extraAnchors) throws GeneralSecurityException {
        List<X509ExtendedTrustManager> delegates = new ArrayList<>();
        delegates.add(trustManager(null));
        if (!extraAnchors.isEmpty()) {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                anchors.load(null, null);
            } catch (java.io.IOException e) {
                throw new GeneralSecurityException("cannot create an empty key store", e);
            }
            for (int i = 0; i < extraAnchors.size(); i++) {
                anchors.setCertificateEntry("extra-anchor-" + i, extraAnchors.get(i));
            }
            delegates.add(trustManager(anchors));
        }
        return new CompositeTrustManager(delegates);
    }

    private static X509ExtendedTrustManager trustManager(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("the JVM's " + factory.getAlgorithm() + " trust manager factory has no X.509 trust manager");
    }

    @FunctionalInterface
    private interface Check {
        void on(X509ExtendedTrustManager manager) throws CertificateException;
    }

    // The first failure is the default trust store's, the one an operator expects to read.
    private void anyTrusts(Check check) throws CertificateException {
        CertificateException failure = null;
        for (X509ExtendedTrustManager manager : delegates) {
            try {
                check.on(manager);
                return;
            } catch (CertificateException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        throw failure;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anyTrusts(m -> m.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        anyTrusts(m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        anyTrusts(m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        anyTrusts(m -> m.checkClientTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        anyTrusts(m -> m.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        anyTrusts(m -> m.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegates.stream()
                .flatMap(m -> Arrays.stream(m.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
