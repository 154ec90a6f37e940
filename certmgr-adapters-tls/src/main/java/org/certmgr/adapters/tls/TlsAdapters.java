package org.certmgr.adapters.tls;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.certmgr.ports.out.NameResolver;
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
     * Returns a TLS and STARTTLS probe built on the JDK's TLS, which checks stapled OCSP
     * responses against the system clock.
     *
     * @param timeout the bound of each step: connect, every read of the STARTTLS upgrade, the handshake
     * @return the probe
     */
    public static TlsProbe tlsProbe(Duration timeout) {
        return new JsseTlsProbe(timeout, new OcspStapleValidator(Clock.systemUTC()));
    }
}
