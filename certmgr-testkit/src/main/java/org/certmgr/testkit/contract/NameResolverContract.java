package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.NameResolver;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link NameResolver}: extend it with a test class for your adapter. The
 * adapter is asked to know a few names, so no test needs real DNS.
 */
public abstract class NameResolverContract {
    /** A name with an IPv6 and an IPv4 address, given IPv6 first. */
    protected static final DnsName DUAL = DnsName.of("dual.example.test");
    /** A name with one IPv4 address. */
    protected static final DnsName SINGLE = DnsName.of("single.example.test");
    /** A name that does not exist. */
    protected static final DnsName MISSING = DnsName.of("missing.example.test");

    /**
     * Creates a resolver that knows exactly these names and addresses, in the order given.
     *
     * @param known name → addresses
     * @return the resolver under test
     * @throws Exception when it cannot be created
     */
    protected abstract NameResolver resolverKnowing(Map<DnsName, List<InetAddress>> known) throws Exception;

    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal is parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }

    private NameResolver resolver() throws Exception {
        return resolverKnowing(Map.of(
                DUAL, List.of(ip("::1"), ip("127.0.0.1"), ip("::1")),
                SINGLE, List.of(ip("127.0.0.2"))));
    }

    @Test
    void givenANameWithBothFamilies_thenEveryAddressOnceIpv4First() throws Exception {
        List<InetAddress> addresses = resolver().resolve(DUAL);

        assertThat(addresses).containsExactly(ip("127.0.0.1"), ip("::1"));
        assertThat(addresses.get(0)).isInstanceOf(Inet4Address.class);
    }

    @Test
    void givenANameWithOneAddress_thenThatAddress() throws Exception {
        assertThat(resolver().resolve(SINGLE)).containsExactly(ip("127.0.0.2"));
    }

    @Test
    void givenANameThatDoesNotExist_thenAnEmptyListNotAnException() throws Exception {
        assertThat(resolver().resolve(MISSING)).isEmpty();
    }
}
