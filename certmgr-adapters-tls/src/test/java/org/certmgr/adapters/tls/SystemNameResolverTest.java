package org.certmgr.adapters.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.certmgr.domain.DnsName;
import org.junit.jupiter.api.Test;

class SystemNameResolverTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // a literal is parsed, never looked up
    }

    @Test
    void givenMixedAndRepeatedAddresses_thenIpv4ComesFirstWithoutDuplicates() throws Exception {
        InetAddress v6 = ip("::1");
        InetAddress v4 = ip("127.0.0.1");
        SystemNameResolver resolver = new SystemNameResolver(host -> new InetAddress[] {v6, v4, v6});
        assertThat(resolver.resolve(DnsName.of("www.example.test"))).containsExactly(v4, v6);
    }

    @Test
    void givenAnUnknownName_thenTheListIsEmpty() {
        SystemNameResolver resolver = new SystemNameResolver(host -> {
            throw new UnknownHostException(host);
        });
        assertThat(resolver.resolve(DnsName.of("nowhere.example.test"))).isEmpty();
    }

    @Test
    void givenAName_thenTheLookupGetsItsAsciiForm() {
        StringBuilder asked = new StringBuilder();
        SystemNameResolver resolver = new SystemNameResolver(host -> {
            asked.append(host);
            return new InetAddress[0];
        });
        resolver.resolve(DnsName.of("bücher.example.test"));
        assertThat(asked).hasToString("xn--bcher-kva.example.test");
    }
}
