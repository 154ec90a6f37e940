package org.certmgr.ports.out;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.StartTls;

/**
 * One probe of {@link TlsProbe}: where to connect, and what to ask for.
 *
 * @param address       the address to connect to
 * @param port          the TCP port, 1 to 65535
 * @param host          the name sent as SNI (and in the STARTTLS greeting where the protocol has one)
 * @param startTls      the plain-text protocol to upgrade from, or empty for TLS from the start
 * @param keyType       the only key type whose signature algorithms are offered
 * @param requestStaple whether to request a stapled OCSP response and check it
 */
public record ProbeRequest(InetAddress address, int port, DnsName host, Optional<StartTls> startTls,
                           KeyType keyType, boolean requestStaple) {

    /**
     * Validates the values.
     *
     * @param address       not null
     * @param port          1 to 65535
     * @param host          not null
     * @param startTls      not null
     * @param keyType       not null
     * @param requestStaple whether to request a staple
     */
    public ProbeRequest {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(startTls, "startTls");
        Objects.requireNonNull(keyType, "keyType");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
    }
}
