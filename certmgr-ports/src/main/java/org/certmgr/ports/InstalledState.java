package org.certmgr.ports;

import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;

/**
 * What is installed for each key type of one certificate, read from its current files. A key
 * type whose files are missing or corrupt is absent, with the reason kept for the report; a
 * key that cannot be decrypted is an error, unless the run replaces it anyway.
 */
final class InstalledState {
    /**
     * The readable files of one key type.
     *
     * @param description what the renewal decision needs
     * @param chain       leaf first, then the intermediates
     * @param keyPem      the key file as stored
     * @param key         the opened key, and whether its stored encoding must change
     */
    record Installed(InstalledCertificate description, List<X509Certificate> chain, String keyPem,
                     KeyUnlocker.Unlocked key) {
    }

    private final Optional<FileSet> files;
    private final Map<KeyType, Installed> installed = new EnumMap<>(KeyType.class);
    private final Map<KeyType, String> unreadable = new EnumMap<>(KeyType.class);

    private InstalledState(Optional<FileSet> files) {
        this.files = files;
    }

    /**
     * Reads the installed files of a certificate.
     *
     * @param force whether every key type is replaced anyway: a key that cannot be decrypted is
     *              then only a reason, not an error
     * @throws CertmgrException when a key cannot be decrypted and {@code force} is false
     */
    static InstalledState read(Optional<FileSet> files, CertificateSpec spec, KeyMaterial keys, KeyUnlocker unlocker,
                               boolean force) throws CertmgrException {
        InstalledState state = new InstalledState(files);
        if (files.isEmpty()) {
            return state;
        }
        for (KeyType type : spec.keys().keySet()) {
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
                KeyUnlocker.Unlocked key = unlocker.unlock(keyPem.get(), spec.keyPassphrase(), spec.name().toString(),
                        "the installed " + type + " key of " + spec.name());
                InstalledCertificate description = keys.describe(type, chain.get(0), key.key());
                state.installed.put(type, new Installed(description, chain, keyPem.get(), key));
            } catch (CertmgrException e) {
                if (!force) {
                    throw e;
                }
                state.unreadable.put(type, "forced (the installed " + type + " key could not be opened)");
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

    Optional<Installed> get(KeyType type) {
        return Optional.ofNullable(installed.get(type));
    }

    Optional<InstalledCertificate> description(KeyType type) {
        return get(type).map(Installed::description);
    }

    Optional<String> unreadableReason(KeyType type) {
        return Optional.ofNullable(unreadable.get(type));
    }
}
