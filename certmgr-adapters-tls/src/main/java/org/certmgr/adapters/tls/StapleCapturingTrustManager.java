package org.certmgr.adapters.tls;

import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts every server chain (a probe reports chains, it does not judge trust) and keeps the
 * stapled OCSP responses the server sent with it. One instance serves one handshake.
 *
 * <p>Being an {@link X509ExtendedTrustManager}, the JDK uses it as is and adds no
 * algorithm checks of its own to the chain.
 */
final class StapleCapturingTrustManager extends X509ExtendedTrustManager {
    private volatile List<byte[]> staples = List.of();

    List<byte[]> staples() {
        return staples;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        if (socket instanceof SSLSocket tls) {
            capture(tls.getHandshakeSession());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        capture(engine.getHandshakeSession());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
        // Accepted: see the class comment.
    }

    private void capture(SSLSession session) {
        if (session instanceof ExtendedSSLSession extended) {
            staples = List.copyOf(extended.getStatusResponses());
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        throw new UnsupportedOperationException("a probe is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        throw new UnsupportedOperationException("a probe is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
        throw new UnsupportedOperationException("a probe is a client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
