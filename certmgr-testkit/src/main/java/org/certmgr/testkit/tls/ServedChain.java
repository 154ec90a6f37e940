package org.certmgr.testkit.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A private key with the chain a server sends for it.
 *
 * @param key   the leaf's private key
 * @param chain leaf first, then intermediates
 */
public record ServedChain(PrivateKey key, List<X509Certificate> chain) {

    /**
     * Validates the values.
     *
     * @param key   not null
     * @param chain at least the leaf
     */
    public ServedChain {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a served chain has at least a leaf");
        }
    }

    /**
     * Returns the leaf.
     *
     * @return the first certificate
     */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * Returns the same key with only the leaf, as a server that forgot its intermediates sends.
     *
     * @return the leaf-only chain
     */
    public ServedChain withoutIntermediates() {
        return new ServedChain(key, List.of(leaf()));
    }
}
