package org.certmgr.ports.in;

/** What one probe of an installation found. */
public enum Verdict {
    /** The server serves the installed certificate with its chain (and a good staple when one is due). */
    OK("ok"),
    /** The server serves a certificate for other names. */
    WRONG_CERTIFICATE("wrong certificate"),
    /** The server serves another certificate for the same names, e.g. the one before the last renewal. */
    OLD_CERTIFICATE("old certificate"),
    /** The server serves the installed certificate without (all of) its intermediates. */
    MISSING_CHAIN("missing chain"),
    /** A stapled OCSP response is due (Must-Staple, or an installed {@code ocsp.der}) and none came. */
    NO_STAPLE("no staple"),
    /** The stapled OCSP response is not a valid, good response for the certificate. */
    BAD_STAPLE("bad staple"),
    /** Connecting, the STARTTLS upgrade or the TLS handshake failed. */
    CONNECTION_FAILED("handshake error"),
    /** The host has no address. */
    NOT_RESOLVED("no address"),
    /** certmgr has no installed certificate of this key type to compare with. */
    NOT_INSTALLED("not installed");

    private final String description;

    Verdict(String description) {
        this.description = description;
    }

    /**
     * Returns the words used in reports.
     *
     * @return e.g. {@code old certificate}
     */
    public String description() {
        return description;
    }
}
