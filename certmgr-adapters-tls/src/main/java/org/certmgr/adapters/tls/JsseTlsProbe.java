package org.certmgr.adapters.tls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.certmgr.domain.StartTls;
import org.certmgr.ports.out.ProbeRequest;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.StapleCheck;
import org.certmgr.ports.out.TlsProbe;

/**
 * Probes a server with the JDK's TLS: plain connect, optional STARTTLS upgrade, then a
 * handshake that trusts any chain (the caller compares chains) and offers only the
 * signature algorithms of one key type.
 */
final class JsseTlsProbe implements TlsProbe {
    private final int timeoutMillis;
    private final OcspStapleValidator staples;

    JsseTlsProbe(Duration timeout, OcspStapleValidator staples) {
        this.timeoutMillis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        this.staples = staples;
    }

    @Override
    public ProbeResult probe(ProbeRequest request) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        try (Socket plain = new Socket()) {
            try {
                plain.connect(new InetSocketAddress(request.address(), request.port()), timeoutMillis);
                plain.setSoTimeout(timeoutMillis);
            } catch (IOException e) {
                return ProbeResult.failed("connect: " + describe(e));
            }
            if (request.startTls().isPresent()) {
                StartTls protocol = request.startTls().get();
                try {
                    StartTlsClient.upgrade(protocol, plain, request.host());
                } catch (IOException e) {
                    return ProbeResult.failed("STARTTLS (" + protocol.id() + "): " + describe(e));
                }
            }
            return handshake(plain, request);
        } catch (IOException e) {
            // Only closing the socket gets here; the probe's outcome is already known.
            return ProbeResult.failed("close: " + describe(e));
        }
    }

    private ProbeResult handshake(Socket plain, ProbeRequest request) {
        StapleCapturingTrustManager trust = new StapleCapturingTrustManager();
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            try (SSLSocket tls = (SSLSocket) context.getSocketFactory()
                    .createSocket(plain, request.host().ascii(), request.port(), true)) {
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(request.host().ascii())));
                parameters.setAlgorithmConstraints(new KeyTypeConstraints(request.keyType()));
                parameters.setEndpointIdentificationAlgorithm(null);
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                List<X509Certificate> chain = new ArrayList<>();
                for (Certificate c : tls.getSession().getPeerCertificates()) {
                    chain.add((X509Certificate) c);
                }
                StapleCheck staple = request.requestStaple()
                        ? staples.check(trust.staples(), chain)
                        : StapleCheck.NOT_REQUESTED;
                return ProbeResult.served(chain, staple);
            }
        } catch (SSLException e) {
            return ProbeResult.failed("TLS handshake: " + describe(e));
        } catch (IOException e) {
            return ProbeResult.failed("TLS handshake: " + describe(e));
        } catch (GeneralSecurityException e) {
            return ProbeResult.failed("TLS setup: " + describe(e));
        }
    }

    private static String describe(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
