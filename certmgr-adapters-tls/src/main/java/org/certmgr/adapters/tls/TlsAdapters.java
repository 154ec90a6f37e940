package org.certmgr.adapters.tls;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.NameResolver;
import org.certmgr.ports.out.OcspClient;
import org.certmgr.ports.out.ProbeRequest;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.TlsProbe;

/** Creates the adapters of this module. */
public final class TlsAdapters {
    private TlsAdapters() {
    }

    /**
     * Returns a resolver that asks the operating system (hosts file, then DNS).
     *
     * @return the resolver
     */
    public static NameResolver systemResolver() {
        return new SystemNameResolver(InetAddress::getAllByName);
    }

    /**
     * The JDK property that lists TLS client extensions not to send, and the one the probe
     * needs left out.
     */
    static final String DISABLED_CLIENT_EXTENSIONS = "jdk.tls.client.disableExtensions";
    static final String SIGNATURE_ALGORITHMS_CERT = "signature_algorithms_cert";

    /**
     * Returns a TLS and STARTTLS probe built on the JDK's TLS, which checks stapled OCSP
     * responses against the system clock.
     *
     * <p>A probe offers only one key type's signature algorithms, and JDK 17 sends the same
     * list as {@code signature_algorithms_cert}; OpenSSL servers (nginx, Postfix...) then
     * refuse an ECDSA certificate issued by an RSA intermediate, which is common. So this
     * method sets the JVM-wide property {@code jdk.tls.client.disableExtensions} to
     * {@code signature_algorithms_cert} when it is not set (RFC 8446 4.2.3: without it,
     * {@code signature_algorithms} applies to certificates too, which the JDK already
     * checks). The JDK reads the property at the first TLS client handshake of the JVM: a
     * program that made one before should start the JVM with
     * {@code -Djdk.tls.client.disableExtensions=signature_algorithms_cert}.
     *
     * @param timeout the bound of each step: connect, every read of the STARTTLS upgrade, the handshake
     * @return the probe
     */
    public static TlsProbe tlsProbe(Duration timeout) {
        String disabled = System.getProperty(DISABLED_CLIENT_EXTENSIONS);
        if (disabled == null || disabled.isBlank()) {
            System.setProperty(DISABLED_CLIENT_EXTENSIONS, SIGNATURE_ALGORITHMS_CERT);
        }
        // Made at the first probe: the staple validator loads Bouncy Castle, whose signed jars the
        // JVM verifies first (about a tenth of a second), and most runs probe nothing.
        return new TlsProbe() {
            private volatile TlsProbe probe;

            @Override
            public ProbeResult probe(ProbeRequest request) throws InterruptedException {
                return probe().probe(request);
            }

            // Probes run in parallel: only the making is locked.
            private TlsProbe probe() {
                TlsProbe made = probe;
                if (made == null) {
                    synchronized (this) {
                        if (probe == null) {
                            probe = new JsseTlsProbe(timeout, new OcspStapleValidator(Clock.systemUTC()));
                        }
                        made = probe;
                    }
                }
                return made;
            }
        };
    }

    /**
     * Returns an OCSP client that posts requests with the given timeout.
     *
     * @param timeout bound on connecting and on waiting for each answer
     * @param clock   what "now" is when checking a response's validity
     * @return the client
     */
    public static OcspClient ocspClient(Duration timeout, Clock clock) {
        return new DeferredOcspClient(timeout, clock);
    }

    /**
     * Returns a Certificate Transparency client for RFC 6962 logs.
     *
     * @param timeout bound on connecting and on waiting for each answer
     * @return the client
     */
    public static CtLogClient ctLogClient(Duration timeout) {
        return new RfcCtLogClient(timeout);
    }
}
