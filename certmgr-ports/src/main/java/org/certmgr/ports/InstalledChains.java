package org.certmgr.ports;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.StoreException;

/** Reads, per key type, the installed chain a server should serve, from {@code <type>/cert.pem}. */
final class InstalledChains {
    /** The OID of the TLS Feature extension (RFC 7633); certmgr only ever writes status_request in it. */
    private static final String TLS_FEATURE = "1.3.6.1.5.5.7.1.24";
    private final CertificateStore store;
    private final KeyMaterial keyMaterial;

    /**
     * The installed files of one key type.
     *
     * @param chain       leaf and intermediates; empty when they cannot be read
     * @param mustStaple  whether the leaf (or the configuration) asks for Must-Staple
     * @param hasOcspFile whether an {@code ocsp.der} is installed for servers to staple
     * @param problem     why the chain is empty, or empty
     */
    record Installed(List<X509Certificate> chain, boolean mustStaple, boolean hasOcspFile, String problem) {
    }

    InstalledChains(CertificateStore store, KeyMaterial keyMaterial) {
        this.store = store;
        this.keyMaterial = keyMaterial;
    }

    /** Returns the installed key types of a certificate; a type without files is left out. */
    Map<KeyType, Installed> read(CertificateSpec spec) {
        Map<KeyType, Installed> result = new EnumMap<>(KeyType.class);
        Optional<FileSet> files;
        try {
            files = store.current(spec.name());
        } catch (StoreException e) {
            for (KeyType type : spec.keys().keySet()) {
                result.put(type, new Installed(List.of(), false, false, "cannot read the installed files: " + e.getMessage()));
            }
            return result;
        }
        if (files.isEmpty()) {
            return result;
        }
        for (KeyType type : KeyType.values()) {
            Optional<byte[]> pem = files.get().content(CertificateFiles.cert(type));
            if (pem.isEmpty()) {
                continue;
            }
            boolean ocsp = files.get().content(CertificateFiles.ocsp(type)).isPresent();
            try {
                List<X509Certificate> chain = keyMaterial.decodeCertificates(new String(pem.get(), StandardCharsets.US_ASCII));
                if (chain.isEmpty()) {
                    result.put(type, new Installed(List.of(), false, ocsp, CertificateFiles.cert(type) + " holds no certificate"));
                    continue;
                }
                boolean mustStaple = spec.ocspMustStaple() || chain.get(0).getExtensionValue(TLS_FEATURE) != null;
                result.put(type, new Installed(List.copyOf(chain), mustStaple, ocsp, ""));
            } catch (KeyMaterialException e) {
                result.put(type, new Installed(List.of(), false, ocsp, "cannot read " + CertificateFiles.cert(type)
                        + ": " + e.getMessage()));
            }
        }
        return result;
    }
}
