package org.certmgr.ports.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.certmgr.ports.out.RunHistory;

/**
 * Where the selected certificates stand.
 *
 * @param generatedAt  when the status was taken; every age and time left is counted from it
 * @param lastRun      how the last {@code update} run went as a whole, or empty when none was recorded
 * @param certificates one entry per selected certificate, in configuration order
 */
public record StatusReport(Instant generatedAt, Optional<RunHistory.RunSummary> lastRun,
                           List<CertificateStatus> certificates) {
    /**
     * Copies the list.
     *
     * @param generatedAt  when the status was taken
     * @param lastRun      the last run, or empty
     * @param certificates the certificates
     */
    public StatusReport {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(lastRun, "lastRun");
        certificates = List.copyOf(certificates);
    }

    /**
     * Tells whether anything needs a person: a certificate expired, not installed or unreadable,
     * reported revoked, or whose last run failed.
     *
     * @return true when at least one certificate has a problem
     */
    public boolean anyProblem() {
        return certificates.stream().anyMatch(CertificateStatus::problem);
    }
}
