package org.certmgr.testkit.memory;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.NameResolver;
import org.certmgr.testkit.contract.NameResolverContract;

class StaticNameResolverContractTest extends NameResolverContract {
    @Override
    protected NameResolver resolverKnowing(Map<DnsName, List<InetAddress>> known) {
        return new StaticNameResolver(known);
    }
}
