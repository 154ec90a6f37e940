package org.certmgr.ports.out;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate as issued: the leaf first, then the intermediates the CA sent.
 *
 * @param certificates leaf and intermediates, in order; at least the leaf
 */
public record IssuedChain(List<X509Certificate> certificates) {
    /**
     * Checks a leaf is present.
     *
     * @param certificates leaf and intermediates, in order; at least the leaf
     */
    public IssuedChain {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("an issued chain needs at least the certificate itself");
        }
    }

    /**
     * Returns the certificate itself.
     *
     * @return the leaf
     */
    public X509Certificate leaf() {
        return certificates.get(0);
    }

    /**
     * Returns the intermediates.
     *
     * @return everything after the leaf
     */
    public List<X509Certificate> intermediates() {
        return certificates.subList(1, certificates.size());
    }
}
