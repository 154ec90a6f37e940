package org.certmgr.ports.in;

import java.util.List;

/**
 * The result of a run: one outcome per selected certificate, in configuration order, then
 * what was done once for the whole run.
 *
 * @param certificates     the outcomes
 * @param servicesReloaded services reloaded because a certificate they use changed, in order
 * @param warnings         problems of the run as a whole (a service that did not reload, the
 *                         {@code certificates_updated} hook failing) that failed no certificate
 */
public record RunReport(List<CertificateOutcome> certificates, List<String> servicesReloaded, List<String> warnings) {
    /**
     * Copies the lists.
     *
     * @param certificates the outcomes
     * @param servicesReloaded services reloaded
     * @param warnings problems of the run as a whole
     */
    public RunReport {
        certificates = List.copyOf(certificates);
        servicesReloaded = List.copyOf(servicesReloaded);
        warnings = List.copyOf(warnings);
    }

    /**
     * A report of certificates only.
     *
     * @param certificates the outcomes
     */
    public RunReport(List<CertificateOutcome> certificates) {
        this(certificates, List.of(), List.of());
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
