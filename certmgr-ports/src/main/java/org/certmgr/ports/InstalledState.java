package org.certmgr.ports;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;

/**
 * What is installed for each key type of one certificate, read from its current files. A key
 * type whose files are missing or unreadable is absent, with the reason kept for the report.
 */
final class InstalledState {
    private final Optional<FileSet> files;
    private final Map<KeyType, InstalledCertificate> installed = new EnumMap<>(KeyType.class);
    private final Map<KeyType, String> unreadable = new EnumMap<>(KeyType.class);

    private InstalledState(Optional<FileSet> files) {
        this.files = files;
    }

    static InstalledState read(Optional<FileSet> files, Iterable<KeyType> types, KeyMaterial keys,
                               Optional<char[]> passphrase) {
        InstalledState state = new InstalledState(files);
        if (files.isEmpty()) {
            return state;
        }
        for (KeyType type : types) {
            Optional<String> certPem = files.get().text(CertificateFiles.cert(type));
            Optional<String> keyPem = files.get().text(CertificateFiles.key(type));
            if (certPem.isEmpty() || keyPem.isEmpty()) {
                continue;
            }
            try {
                List<X509Certificate> chain = keys.decodeCertificates(certPem.get());
                if (chain.isEmpty()) {
                    state.unreadable.put(type, CertificateFiles.cert(type) + " holds no certificate");
                    continue;
                }
                KeyPair key = keys.decodePrivateKey(keyPem.get(), passphrase);
                state.installed.put(type, keys.describe(type, chain.get(0), key));
            } catch (KeyMaterialException e) {
                state.unreadable.put(type, "the installed " + type + " files cannot be read (" + e.getMessage() + ")");
            } catch (InvalidValueException e) {
                // e.g. a 1024-bit key left by another tool: not a key certmgr would make, so replace it
                state.unreadable.put(type, "the installed " + type + " key is not usable (" + e.getMessage() + ")");
            }
        }
        return state;
    }

    Optional<FileSet> files() {
        return files;
    }

    Optional<InstalledCertificate> get(KeyType type) {
        return Optional.ofNullable(installed.get(type));
    }

    Optional<String> unreadableReason(KeyType type) {
        return Optional.ofNullable(unreadable.get(type));
    }
}
