package org.certmgr.ports.in;

import java.util.List;

/**
 * Asks for an {@code update} run.
 *
 * @param names certificates to process, by common name or alternative name; empty for all
 * @param force renew every selected certificate even when it is not due
 */
public record UpdateCommand(List<String> names, boolean force) {
    /**
     * Copies the names.
     *
     * @param names certificates to process, by common name or alternative name; empty for all
     * @param force renew every selected certificate even when it is not due
     */
    public UpdateCommand {
        names = List.copyOf(names);
    }

    /**
     * An update of every certificate, renewing only what is due.
     *
     * @return the command
     */
    public static UpdateCommand all() {
        return new UpdateCommand(List.of(), false);
    }
}
