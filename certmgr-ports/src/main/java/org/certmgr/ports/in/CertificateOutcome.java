package org.certmgr.ports.in;

import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;

/**
 * What happened to one certificate in a run.
 *
 * @param name         the certificate
 * @param keyTypes     the decision and result per key type
 * @param filesWritten relative paths of the files that were installed or changed
 * @param warnings     problems that did not stop the certificate, e.g. an alias link left alone
 * @param error        why the certificate failed, when it did; its installed files are then unchanged
 */
public record CertificateOutcome(CertificateName name, List<KeyTypeOutcome> keyTypes,
                                 List<String> filesWritten, List<String> warnings, Optional<String> error) {
    /**
     * Copies the lists.
     *
     * @param name the certificate
     * @param keyTypes the decision and result per key type
     * @param filesWritten relative paths of the files that were installed or changed
     * @param warnings problems that did not stop the certificate, e.g. an alias link left alone
     * @param error why the certificate failed, when it did; its installed files are then unchanged
     */
    public CertificateOutcome {
        keyTypes = List.copyOf(keyTypes);
        filesWritten = List.copyOf(filesWritten);
        warnings = List.copyOf(warnings);
    }

    /**
     * Tells whether the certificate failed.
     *
     * @return true when {@link #error()} is present
     */
    public boolean failed() {
        return error.isPresent();
    }

    /**
     * Tells whether files were changed.
     *
     * @return true when anything was installed
     */
    public boolean changed() {
        return !filesWritten.isEmpty();
    }
}
