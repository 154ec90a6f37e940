package org.certmgr.testkit.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.certmgr.domain.KeyType;

/** Serves one chain per key type; the alias is the key type's id. */
final class ChainKeyManager extends X509ExtendedKeyManager {
    private final Map<KeyType, ServedChain> chains;

    ChainKeyManager(Map<KeyType, ServedChain> chains) {
        this.chains = Map.copyOf(chains);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType);
    }

    private String alias(String jsseKeyType) {
        KeyType type = switch (jsseKeyType) {
            case "RSA", "RSASSA-PSS" -> KeyType.RSA;
            case "EC" -> KeyType.ECDSA;
            default -> null;
        };
        return type != null && chains.containsKey(type) ? type.id() : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        String alias = alias(keyType);
        return alias == null ? null : new String[] {alias};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        ServedChain chain = chains.get(KeyType.parse(alias));
        return chain == null ? null : chain.chain().toArray(new X509Certificate[0]);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        ServedChain chain = chains.get(KeyType.parse(alias));
        return chain == null ? null : chain.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
