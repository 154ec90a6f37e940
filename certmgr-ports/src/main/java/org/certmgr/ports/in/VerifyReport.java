package org.certmgr.ports.in;

import java.util.List;

/**
 * What a verification found.
 *
 * @param probes   one outcome per probe, in configuration order
 * @param warnings problems that are not about one probe (e.g. a selected certificate without targets)
 */
public record VerifyReport(List<ProbeOutcome> probes, List<String> warnings) {

    /**
     * Copies the lists.
     *
     * @param probes   the outcomes
     * @param warnings the warnings
     */
    public VerifyReport {
        probes = List.copyOf(probes);
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns the probes that did not find everything right.
     *
     * @return the failed outcomes, in order
     */
    public List<ProbeOutcome> failures() {
        return probes.stream().filter(p -> !p.ok()).toList();
    }

    /**
     * Tells whether any probe failed.
     *
     * @return true when {@link #failures()} is not empty
     */
    public boolean anyFailed() {
        return probes.stream().anyMatch(p -> !p.ok());
    }
}
