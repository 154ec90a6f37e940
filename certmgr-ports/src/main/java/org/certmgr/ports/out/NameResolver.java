package org.certmgr.ports.out;

import java.net.InetAddress;
import java.util.List;
import org.certmgr.domain.DnsName;

/**
 * Resolves host names to addresses, for probing servers. A port so that tests map their
 * names to loopback addresses and never ask the machine's DNS.
 *
 * <p>Contract: {@link #resolve} MUST return every IPv4 and IPv6 address of the name, without
 * duplicates, IPv4 first; a name that does not exist MUST give an empty list, not an
 * exception; implementations MUST be safe for concurrent use.
 */
public interface NameResolver {

    /**
     * Resolves a name.
     *
     * @param name the host name
     * @return its addresses, possibly empty
     */
    List<InetAddress> resolve(DnsName name);
}
