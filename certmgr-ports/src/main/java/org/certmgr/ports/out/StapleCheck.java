package org.certmgr.ports.out;

import java.util.Objects;

/**
 * What a probe found about the stapled OCSP response.
 *
 * @param status the finding
 * @param detail why a staple is bad, or empty
 */
public record StapleCheck(Status status, String detail) {
    /** No staple was requested. */
    public static final StapleCheck NOT_REQUESTED = new StapleCheck(Status.NOT_REQUESTED, "");
    /** A staple was requested and none came. */
    public static final StapleCheck ABSENT = new StapleCheck(Status.ABSENT, "");
    /** A valid, good response for the served leaf was stapled. */
    public static final StapleCheck GOOD = new StapleCheck(Status.GOOD, "");

    /** The kinds of finding. */
    public enum Status {
        /** Not requested. */
        NOT_REQUESTED,
        /** Requested, none stapled. */
        ABSENT,
        /** Valid, good and for the served leaf. */
        GOOD,
        /** Stapled but not acceptable: see the detail. */
        BAD
    }

    /**
     * Validates the values.
     *
     * @param status not null
     * @param detail not null
     */
    public StapleCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * Creates a finding of a staple that is not acceptable.
     *
     * @param reason e.g. {@code revoked}, {@code expired}, {@code for another certificate}
     * @return the finding
     */
    public static StapleCheck bad(String reason) {
        return new StapleCheck(Status.BAD, reason);
    }
}
