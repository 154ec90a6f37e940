package org.certmgr.testkit.memory;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.NameResolver;

/**
 * A {@link NameResolver} that knows a fixed table, so that tests map their names to loopback
 * addresses and never ask the machine's DNS.
 */
public final class StaticNameResolver implements NameResolver {
    private final Map<DnsName, List<InetAddress>> table;

    /**
     * Creates the resolver.
     *
     * @param table name → addresses; other names do not exist
     */
    public StaticNameResolver(Map<DnsName, List<InetAddress>> table) {
        this.table = Map.copyOf(new LinkedHashMap<>(table));
    }

    @Override
    public List<InetAddress> resolve(DnsName name) {
        return table.getOrDefault(name, List.of()).stream()
                .distinct()
                .sorted(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1))
                .toList();
    }

    @Override
    public String toString() {
        return "StaticNameResolver" + table.keySet();
    }
}
