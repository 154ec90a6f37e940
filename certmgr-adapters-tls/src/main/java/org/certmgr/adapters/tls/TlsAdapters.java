package org.certmgr.adapters.tls;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.NameResolver;
import org.certmgr.ports.out.OcspClient;

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
     * Returns an OCSP client that posts requests with the given timeout.
     *
     * @param timeout bound on connecting and on waiting for each answer
     * @param clock   what "now" is when checking a response's validity
     * @return the client
     */
    public static OcspClient ocspClient(Duration timeout, Clock clock) {
        return new BcOcspClient(timeout, clock);
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
