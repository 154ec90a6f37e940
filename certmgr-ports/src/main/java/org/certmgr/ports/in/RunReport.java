package org.certmgr.ports.in;

import java.util.List;

/**
 * The result of a run: one outcome per selected certificate, in configuration order.
 *
 * @param certificates the outcomes
 */
public record RunReport(List<CertificateOutcome> certificates) {
    /**
     * Copies the list.
     *
     * @param certificates the outcomes
     */
    public RunReport {
        certificates = List.copyOf(certificates);
    }

    /**
     * Tells whether any certificate failed.
     *
     * @return true when at least one failed
     */
    public boolean anyFailed() {
        return certificates.stream().anyMatch(CertificateOutcome::failed);
    }

    /**
     * Tells whether any certificate changed.
     *
     * @return true when at least one had files installed
     */
    public boolean anyChanged() {
        return certificates.stream().anyMatch(CertificateOutcome::changed);
    }
}
