package org.certmgr.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One installation check of a certificate: connect to each host on a port, optionally after
 * a STARTTLS command, and compare the served chain for each key type.
 *
 * <p>Hosts and key types are resolved when the configuration is loaded: when the
 * configuration leaves them out, they are all the certificate's names and key types.
 *
 * @param port     the TCP port, 1 to 65535
 * @param startTls the STARTTLS protocol to speak first, or empty for TLS from the start
 * @param hosts    the names to connect to, each one of the certificate's names
 * @param keyTypes the key types to check, each one the certificate maintains
 */
public record VerifyTarget(int port, Optional<StartTls> startTls, List<DnsName> hosts, Set<KeyType> keyTypes) {

    /**
     * Validates the values.
     *
     * @param port     1 to 65535
     * @param startTls STARTTLS protocol
     * @param hosts    at least one
     * @param keyTypes at least one
     */
    public VerifyTarget {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, not " + port);
        }
        Objects.requireNonNull(startTls, "startTls");
        hosts = List.copyOf(hosts);
        keyTypes = Set.copyOf(keyTypes);
        if (hosts.isEmpty() || keyTypes.isEmpty()) {
            throw new IllegalArgumentException("a verification needs at least one host and one key type");
        }
    }
}
