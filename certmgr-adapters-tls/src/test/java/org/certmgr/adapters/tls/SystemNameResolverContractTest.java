package org.certmgr.adapters.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.NameResolver;
import org.certmgr.testkit.contract.NameResolverContract;

/** The system resolver keeps the contract, with the operating system's lookup replaced by a table. */
class SystemNameResolverContractTest extends NameResolverContract {
    @Override
    protected NameResolver resolverKnowing(Map<DnsName, List<InetAddress>> known) {
        return new SystemNameResolver(host -> {
            List<InetAddress> addresses = known.get(DnsName.of(host));
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses.toArray(new InetAddress[0]);
        });
    }
}
