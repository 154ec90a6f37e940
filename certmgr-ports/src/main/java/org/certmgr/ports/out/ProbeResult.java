package org.certmgr.ports.out;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link TlsProbe} saw: the chain the server sent, or why no chain was seen.
 *
 * @param chain   the served certificates, leaf first, as sent; empty when the probe failed
 * @param staple  what was found about the stapled OCSP response
 * @param failure why the probe failed (connect, STARTTLS or handshake), or empty
 */
public record ProbeResult(List<X509Certificate> chain, StapleCheck staple, Optional<String> failure) {

    /**
     * Validates the values: a result has either a non-empty chain or a failure.
     *
     * @param chain   served certificates
     * @param staple  staple finding
     * @param failure failure reason
     */
    public ProbeResult {
        chain = List.copyOf(chain);
        Objects.requireNonNull(staple, "staple");
        Objects.requireNonNull(failure, "failure");
        if (chain.isEmpty() == failure.isEmpty()) {
            throw new IllegalArgumentException("a probe result has either a chain or a failure");
        }
    }

    /**
     * Creates the result of a completed handshake.
     *
     * @param chain  the served chain, leaf first, not empty
     * @param staple the staple finding
     * @return the result
     */
    public static ProbeResult served(List<X509Certificate> chain, StapleCheck staple) {
        return new ProbeResult(chain, staple, Optional.empty());
    }

    /**
     * Creates the result of a probe that saw no chain.
     *
     * @param reason e.g. {@code connect: Connection refused}
     * @return the result
     */
    public static ProbeResult failed(String reason) {
        return new ProbeResult(List.of(), StapleCheck.NOT_REQUESTED, Optional.of(reason));
    }

    /**
     * Returns the served leaf.
     *
     * @return the first certificate of the chain
     * @throws IllegalStateException when the probe failed
     */
    public X509Certificate leaf() {
        if (chain.isEmpty()) {
            throw new IllegalStateException("the probe failed: " + failure.orElse(""));
        }
        return chain.get(0);
    }
}
