package org.certmgr.ports.in;

import java.util.List;
import java.util.Objects;

/**
 * Asks for an {@code update} run.
 *
 * @param names certificates to process, by common name or alternative name; empty for all
 * @param force renew every selected certificate even when it is not due, and regenerate its parameters
 * @param scope which parts of each certificate the run may act on
 * @param answerChallenges whether authorizations are answered; false for a follower
 *              ({@code update --no-auth}), which relies on those its master obtained
 */
public record UpdateCommand(List<String> names, boolean force, UpdateScope scope, boolean answerChallenges) {
    /**
     * Copies the names.
     *
     * @param names certificates to process, by common name or alternative name; empty for all
     * @param force renew every selected certificate even when it is not due
     * @param scope which parts of each certificate the run may act on
     * @param answerChallenges whether authorizations are answered
     */
    public UpdateCommand {
        names = List.copyOf(names);
        Objects.requireNonNull(scope, "scope");
    }

    /**
     * A run that answers challenges.
     *
     * @param names certificates to process; empty for all
     * @param force renew even when not due
     * @param scope which parts of each certificate the run may act on
     */
    public UpdateCommand(List<String> names, boolean force, UpdateScope scope) {
        this(names, force, scope, true);
    }

    /**
     * A run over every part of the selected certificates.
     *
     * @param names certificates to process; empty for all
     * @param force renew even when not due
     */
    public UpdateCommand(List<String> names, boolean force) {
        this(names, force, UpdateScope.ALL);
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
