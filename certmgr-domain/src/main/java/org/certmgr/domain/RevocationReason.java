package org.certmgr.domain;

import java.util.Locale;

/** Why a certificate is revoked: the RFC 5280 reason codes ACME CAs accept from subscribers. */
public enum RevocationReason {
    /** No reason given (code 0), the default. */
    UNSPECIFIED(0),
    /** The private key was or may have been disclosed (code 1). */
    KEY_COMPROMISE(1),
    /** The names or the organization changed (code 3). */
    AFFILIATION_CHANGED(3),
    /** A new certificate replaces it (code 4). */
    SUPERSEDED(4),
    /** The names are no longer in use (code 5). */
    CESSATION_OF_OPERATION(5);

    private final int code;

    RevocationReason(int code) {
        this.code = code;
    }

    /**
     * Returns the RFC 5280 reason code.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * Returns the name used on the command line.
     *
     * @return e.g. {@code keyCompromise}
     */
    public String id() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    /**
     * Parses a command-line name.
     *
     * @param text e.g. {@code keyCompromise} or {@code superseded}, any case
     * @return the reason
     * @throws InvalidValueException naming the accepted values
     */
    public static RevocationReason parse(String text) {
        for (RevocationReason reason : values()) {
            if (reason.id().equalsIgnoreCase(text)) {
                return reason;
            }
        }
        StringBuilder accepted = new StringBuilder();
        for (RevocationReason reason : values()) {
            accepted.append(accepted.length() == 0 ? "" : ", ").append(reason.id());
        }
        throw new InvalidValueException("unknown revocation reason \"" + text + "\"; expected one of " + accepted);
    }

    @Override
    public String toString() {
        return id();
    }
}
