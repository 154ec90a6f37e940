package org.certmgr.ports.out;

import java.util.List;

/**
 * What a maintenance pass over stored files did.
 *
 * @param actions  what was changed, one line each (e.g. "fixed mode of rsa/keys/key.pem: 0644 → 0640")
 * @param warnings what could not be fixed or needs the operator, one line each
 */
public record Maintenance(List<String> actions, List<String> warnings) {
    /** Nothing done, nothing to say. */
    public static final Maintenance NOTHING = new Maintenance(List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param actions what was changed
     * @param warnings what could not be fixed
     */
    public Maintenance {
        actions = List.copyOf(actions);
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns both passes together.
     *
     * @param other another pass
     * @return the lines of this pass followed by those of {@code other}
     */
    public Maintenance plus(Maintenance other) {
        List<String> a = new java.util.ArrayList<>(actions);
        a.addAll(other.actions);
        List<String> w = new java.util.ArrayList<>(warnings);
        w.addAll(other.warnings);
        return new Maintenance(a, w);
    }
}
