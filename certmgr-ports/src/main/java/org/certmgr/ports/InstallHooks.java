package org.certmgr.ports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;

/**
 * Runs the file hooks of one committed certificate: one hook per installed file, keys before
 * the certificates that need them, each with the fields the specification lists.
 */
final class InstallHooks {
    private final HookRunner hooks;
    private final CertificateStore store;

    InstallHooks(HookRunner hooks, CertificateStore store) {
        this.hooks = hooks;
        this.store = store;
    }

    /**
     * Runs the hooks of the files a commit wrote.
     *
     * @param name       the certificate
     * @param written    relative paths the commit wrote
     * @param passphrase the passphrase of the certificate's keys, when they are encrypted
     * @return the warnings of hooks that failed
     */
    List<String> run(CertificateName name, List<String> written, Optional<char[]> passphrase)
            throws InterruptedException {
        List<String> ordered = new ArrayList<>(written);
        ordered.sort(Comparator.comparingInt(InstallHooks::rank).thenComparing(Comparator.naturalOrder()));
        List<String> warnings = new ArrayList<>();
        for (String path : ordered) {
            Optional<HookEvent> event = eventOf(path);
            if (event.isEmpty()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("key_name", name.toString());
            CertificateFiles.keyTypeOf(path).ifPresent(type -> fields.put("key_type", type.id()));
            if (event.get() != HookEvent.PRIVATE_KEY_INSTALLED) {
                fields.put("certificate_name", name.toString());
            }
            if (event.get() == HookEvent.SCT_INSTALLED) {
                String file = path.substring(path.lastIndexOf('/') + 1);
                fields.put("ct_log_name", file.substring(0, file.length() - ".sct".length()));
            }
            fields.put(fileField(event.get()), store.location(name, path));
            Optional<char[]> secret = event.get() == HookEvent.PRIVATE_KEY_INSTALLED ? passphrase : Optional.empty();
            warnings.addAll(hooks.run(event.get(), fields, secret));
        }
        return warnings;
    }

    static Optional<HookEvent> eventOf(String path) {
        if (path.equals(CertificateFiles.params())) {
            return Optional.of(HookEvent.PARAMS_INSTALLED);
        }
        Optional<KeyType> type = CertificateFiles.keyTypeOf(path);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        KeyType t = type.get();
        if (path.equals(CertificateFiles.key(t))) {
            return Optional.of(HookEvent.PRIVATE_KEY_INSTALLED);
        } else if (path.equals(CertificateFiles.cert(t))) {
            return Optional.of(HookEvent.CERTIFICATE_INSTALLED);
        } else if (path.equals(CertificateFiles.chain(t))) {
            return Optional.of(HookEvent.CHAIN_INSTALLED);
        } else if (path.equals(CertificateFiles.certWithRoot(t))) {
            return Optional.of(HookEvent.FULL_CERTIFICATE_INSTALLED);
        } else if (path.equals(CertificateFiles.keyWithCert(t))) {
            return Optional.of(HookEvent.FULL_KEY_INSTALLED);
        } else if (path.equals(CertificateFiles.ocsp(t))) {
            return Optional.of(HookEvent.OCSP_INSTALLED);
        } else if (path.startsWith(t.id() + "/scts/") && path.endsWith(".sct")) {
            return Optional.of(HookEvent.SCT_INSTALLED);
        }
        return Optional.empty();
    }

    private static String fileField(HookEvent event) {
        switch (event) {
            case PRIVATE_KEY_INSTALLED:
                return "private_key_file";
            case CERTIFICATE_INSTALLED:
                return "certificate_file";
            case FULL_CERTIFICATE_INSTALLED:
                return "full_certificate_file";
            case CHAIN_INSTALLED:
                return "chain_file";
            case FULL_KEY_INSTALLED:
                return "full_key_file";
            case PARAMS_INSTALLED:
                return "params_file";
            case SCT_INSTALLED:
                return "sct_file";
            case OCSP_INSTALLED:
                return "ocsp_file";
            default:
                throw new IllegalArgumentException("not a file hook: " + event);
        }
    }

    /** Keys first, then certificates, chains, combined files, parameters, SCTs, OCSP responses. */
    private static int rank(String path) {
        return eventOf(path).map(Enum::ordinal).orElse(Integer.MAX_VALUE);
    }
}
