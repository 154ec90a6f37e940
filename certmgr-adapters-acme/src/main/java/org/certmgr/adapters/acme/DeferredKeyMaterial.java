package org.certmgr.adapters.acme;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;

/**
 * The key material adapter, made at its first use. Loading {@link BcKeyMaterial} loads Bouncy
 * Castle, whose signed jars the JVM verifies first (about a tenth of a second); a run in which
 * every certificate is settled never needs it. This class names no Bouncy Castle type.
 */
final class DeferredKeyMaterial implements KeyMaterial {
    /** The adapter, made when this holder class is first used (the JVM's lazy class initialization). */
    private static final class Holder {
        static final KeyMaterial INSTANCE = new BcKeyMaterial();
    }

    private static KeyMaterial adapter() {
        return Holder.INSTANCE;
    }

    @Override
    public KeyPair generate(KeySpec spec) {
        return adapter().generate(spec);
    }

    @Override
    public byte[] createCsr(KeyPair key, List<DnsName> names, boolean mustStaple) {
        return adapter().createCsr(key, names, mustStaple);
    }

    @Override
    public String encodePrivateKey(KeyPair key, Optional<char[]> passphrase) {
        return adapter().encodePrivateKey(key, passphrase);
    }

    @Override
    public KeyPair decodePrivateKey(String pem, Optional<char[]> passphrase) throws KeyMaterialException {
        return adapter().decodePrivateKey(pem, passphrase);
    }

    @Override
    public boolean isEncrypted(String pem) {
        return adapter().isEncrypted(pem);
    }

    @Override
    public String encodeCertificates(List<X509Certificate> certificates) {
        return adapter().encodeCertificates(certificates);
    }

    @Override
    public List<X509Certificate> decodeCertificates(String pem) throws KeyMaterialException {
        return adapter().decodeCertificates(pem);
    }

    @Override
    public String parameters(ParamsSpec spec) throws KeyMaterialException {
        return adapter().parameters(spec);
    }

    @Override
    public boolean parametersMatch(String pem, ParamsSpec spec) {
        return adapter().parametersMatch(pem, spec);
    }

    @Override
    public InstalledCertificate describe(KeyType type, X509Certificate certificate, KeyPair key) {
        return adapter().describe(type, certificate, key);
    }
}
