package org.certmgr.ports;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.KeyMaterial;

/**
 * Lays out the files of one certificate from its parts, as the specification's "File
 * Location" section describes them. The same parts always give the same bytes, so a run that
 * changes no part writes nothing.
 */
final class FileSetRenderer {
    private final KeyMaterial keys;
    private final Map<KeyType, String> roots;

    /**
     * Creates a renderer.
     *
     * @param keys  encodes certificates
     * @param roots the root certificate of each key type as PEM ({@code root_cert.<type>.pem}); a
     *              key type without one gets no {@code cert+root.pem}
     */
    FileSetRenderer(KeyMaterial keys, Map<KeyType, String> roots) {
        this.keys = keys;
        this.roots = Map.copyOf(roots);
    }

    /**
     * The parts of one key type.
     *
     * @param keyPem the private key file as it is to be stored
     * @param chain  leaf first, then the intermediates
     */
    record KeyTypeParts(String keyPem, List<X509Certificate> chain) {
    }

    /** Tells whether a file is one this renderer lays out (others, such as OCSP responses, are carried over). */
    static boolean isRendered(String path) {
        Optional<KeyType> type = CertificateFiles.keyTypeOf(path);
        if (type.isEmpty()) {
            return path.equals(CertificateFiles.params());
        }
        KeyType t = type.get();
        return Set.of(CertificateFiles.cert(t), CertificateFiles.chain(t), CertificateFiles.certWithRoot(t),
                CertificateFiles.key(t), CertificateFiles.keyWithCert(t)).contains(path);
    }

    /**
     * Lays out the files.
     *
     * @param parts  each key type's key and chain
     * @param params the content of {@code params.pem}, or empty for none
     * @param extra  files carried over unchanged (e.g. OCSP responses of kept key types)
     * @return the complete file set
     */
    FileSet render(Map<KeyType, KeyTypeParts> parts, Optional<String> params, FileSet extra) {
        Map<String, byte[]> files = new TreeMap<>();
        for (String path : extra.paths()) {
            files.put(path, extra.content(path).orElseThrow());
        }
        String trailer = params.orElse("");
        params.ifPresent(p -> files.put(CertificateFiles.params(), utf8(p)));
        parts.forEach((type, p) -> {
            String certificates = keys.encodeCertificates(p.chain());
            String intermediates = keys.encodeCertificates(p.chain().subList(1, p.chain().size()));
            files.put(CertificateFiles.cert(type), utf8(certificates + trailer));
            if (!intermediates.isEmpty()) {
                files.put(CertificateFiles.chain(type), utf8(intermediates));
            }
            String root = roots.get(type);
            if (root != null) {
                files.put(CertificateFiles.certWithRoot(type), utf8(certificates + withNewline(root) + trailer));
            }
            files.put(CertificateFiles.key(type), utf8(p.keyPem()));
            files.put(CertificateFiles.keyWithCert(type), utf8(withNewline(p.keyPem()) + certificates + trailer));
        });
        return FileSet.of(files);
    }

    private static String withNewline(String pem) {
        return pem.endsWith("\n") ? pem : pem + "\n";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
