package org.certmgr.ports.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.RunHistory;

/**
 * Where one certificate stands.
 *
 * @param name     the certificate (its common name)
 * @param altNames all its names as configured, the common name first
 * @param lastRun  how the last {@code update} that processed it went, or empty when none did
 * @param keyTypes one entry per configured key type
 * @param error    why its installed files could not be read at all, when they could not
 */
public record CertificateStatus(CertificateName name, List<DnsName> altNames,
                                Optional<RunHistory.CertificateRun> lastRun, List<KeyTypeStatus> keyTypes,
                                Optional<String> error) {
    /**
     * Copies the lists.
     *
     * @param name     the certificate
     * @param altNames its names
     * @param lastRun  its last run, or empty
     * @param keyTypes its key types
     * @param error    why its files could not be read, or empty
     */
    public CertificateStatus {
        Objects.requireNonNull(name, "name");
        altNames = List.copyOf(altNames);
        Objects.requireNonNull(lastRun, "lastRun");
        keyTypes = List.copyOf(keyTypes);
        Objects.requireNonNull(error, "error");
    }

    /**
     * Tells whether this certificate needs a person.
     *
     * @return true when its files cannot be read, its last run failed, or a key type has a problem
     */
    public boolean problem() {
        return error.isPresent() || lastRun.map(run -> !run.ok()).orElse(false)
                || keyTypes.stream().anyMatch(KeyTypeStatus::problem);
    }
}
