package org.certmgr.adapters.tls;

import java.net.InetAddress;
import org.certmgr.ports.out.NameResolver;

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
}
