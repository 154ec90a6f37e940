package org.certmgr.adapters.tls;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.NameResolver;

/** Resolves names through the operating system's resolver. */
final class SystemNameResolver implements NameResolver {

    /** The lookup, a seam so tests need no DNS. */
    interface Lookup {
        InetAddress[] all(String host) throws UnknownHostException;
    }

    private final Lookup lookup;

    SystemNameResolver(Lookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public List<InetAddress> resolve(DnsName name) {
        try {
            return Arrays.stream(lookup.all(name.ascii()))
                    .distinct()
                    .sorted(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                    .toList();
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
