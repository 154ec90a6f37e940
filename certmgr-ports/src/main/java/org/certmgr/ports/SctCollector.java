package org.certmgr.ports;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.certmgr.domain.CertificateFiles;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.CtLogException;
import org.certmgr.ports.out.FileSet;

/**
 * Gets an SCT from each log of {@code ct_submit_logs} for one key type's certificate: once per
 * certificate, since an SCT stays valid for the certificate's life; a re-check verifies the
 * installed ones again and replaces those that fail.
 */
final class SctCollector {
    /**
     * What a collection found.
     *
     * @param fresh    new {@code scts/<log>.sct} files by path
     * @param warnings problems worth telling
     */
    record Result(Map<String, byte[]> fresh, List<String> warnings) {
    }

    private final CtLogClient client;
    private final Map<String, CtLogSpec> logs;

    SctCollector(CtLogClient client, Map<String, CtLogSpec> logs) {
        this.client = client;
        this.logs = Map.copyOf(logs);
    }

    /**
     * Fills the gaps of one key type.
     *
     * @param chain     the certificate's chain, leaf first
     * @param installed the files the certificate keeps (its SCTs among them)
     * @param recheck   whether installed SCTs are verified again ({@code update --sct})
     */
    Result collect(CertificateSpec spec, KeyType type, List<X509Certificate> chain, FileSet installed,
                   boolean recheck) throws InterruptedException {
        Map<String, byte[]> fresh = new TreeMap<>();
        List<String> warnings = new ArrayList<>();
        for (String name : spec.ctSubmitLogs()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while asking CT logs");
            }
            String path = CertificateFiles.sct(type, name);
            CtLogSpec log = logs.get(name);
            if (log == null) {
                warnings.add("CT log " + name + " is not configured in ct_logs; no " + path);
                continue;
            }
            Optional<byte[]> current = installed.content(path);
            if (current.isPresent() && (!recheck || verifies(log, current.get(), chain.get(0), path, warnings))) {
                continue;
            }
            try {
                fresh.put(path, client.submit(log, chain));
            } catch (CtLogException e) {
                warnings.add("no SCT from CT log " + name + " for the " + type + " certificate (" + e.getMessage()
                        + ")" + (current.isPresent() ? "; the installed " + path + " is kept" : ""));
            }
        }
        return new Result(fresh, warnings);
    }

    private boolean verifies(CtLogSpec log, byte[] sct, X509Certificate leaf, String path, List<String> warnings) {
        try {
            client.verify(log, sct, leaf);
            return true;
        } catch (CtLogException e) {
            warnings.add("the installed " + path + " does not verify (" + e.getMessage() + "); asking the log again");
            return false;
        }
    }
}
