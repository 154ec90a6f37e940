package org.certmgr.adapters.tls;

import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.certmgr.domain.KeyType;

/**
 * Algorithm constraints that leave the TLS client only the signature schemes (and TLS 1.2
 * cipher suites) of one key type, so that a server with certificates of several key types
 * must answer with the one of that type. The JDK's own disabled algorithms still apply.
 */
final class KeyTypeConstraints implements AlgorithmConstraints {
    private static final List<String> EDWARDS = List.of("ED25519", "ED448", "EDDSA");
    private final KeyType keyType;

    KeyTypeConstraints(KeyType keyType) {
        this.keyType = keyType;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
        String name = algorithm.toUpperCase(Locale.ROOT);
        if (EDWARDS.stream().anyMatch(name::contains)) {
            return false;
        }
        return switch (keyType) {
            case RSA -> !name.contains("ECDSA");
            case ECDSA -> !name.contains("RSA");
        };
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
        return true;
    }

    @Override
    public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key, AlgorithmParameters parameters) {
        return permits(primitives, algorithm, parameters);
    }
}
