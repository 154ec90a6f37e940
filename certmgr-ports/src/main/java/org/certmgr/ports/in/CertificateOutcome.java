package org.certmgr.ports.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;

/**
 * What happened to one certificate in a run.
 *
 * @param name         the certificate
 * @param keyTypes     the decision and result per key type
 * @param filesWritten relative paths of the files that were installed or changed
 * @param filesRemoved relative paths of the files that were removed (moved to the archive)
 * @param warnings     problems that did not stop the certificate, e.g. a hook that failed
 * @param error        why the certificate failed, when it did; its installed files are then unchanged
 * @param actions      what was done besides issuing, one line each (e.g. a key re-encrypted)
 * @param housekeeping routine work worth a line only in verbose output (e.g. an old archive deleted)
 */
public record CertificateOutcome(CertificateName name, List<KeyTypeOutcome> keyTypes, List<String> filesWritten,
                                 List<String> filesRemoved, List<String> warnings, Optional<String> error,
                                 List<String> actions, List<String> housekeeping) {
    /**
     * Copies the lists.
     *
     * @param name the certificate
     * @param keyTypes the decision and result per key type
     * @param filesWritten relative paths of the files that were installed or changed
     * @param filesRemoved relative paths of the files that were removed
     * @param warnings problems that did not stop the certificate
     * @param error why the certificate failed, when it did
     * @param actions what was done besides issuing
     * @param housekeeping routine work
     */
    public CertificateOutcome {
        keyTypes = List.copyOf(keyTypes);
        filesWritten = List.copyOf(filesWritten);
        filesRemoved = List.copyOf(filesRemoved);
        warnings = List.copyOf(warnings);
        actions = List.copyOf(actions);
        housekeeping = List.copyOf(housekeeping);
    }

    /**
     * An outcome with nothing removed, no extra actions and no housekeeping.
     *
     * @param name the certificate
     * @param keyTypes the decision and result per key type
     * @param filesWritten relative paths of the files that were installed or changed
     * @param warnings problems that did not stop the certificate
     * @param error why the certificate failed, when it did
     */
    public CertificateOutcome(CertificateName name, List<KeyTypeOutcome> keyTypes, List<String> filesWritten,
                              List<String> warnings, Optional<String> error) {
        this(name, keyTypes, filesWritten, List.of(), warnings, error, List.of(), List.of());
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
     * @return true when anything was installed or removed
     */
    public boolean changed() {
        return !filesWritten.isEmpty() || !filesRemoved.isEmpty();
    }

    /**
     * Returns this outcome with more warnings.
     *
     * @param more further warnings
     * @return a new outcome
     */
    public CertificateOutcome withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new ArrayList<>(warnings);
        all.addAll(more);
        return new CertificateOutcome(name, keyTypes, filesWritten, filesRemoved, all, error, actions, housekeeping);
    }
}
