package org.certmgr.ports.in;

/** Which parts of each certificate an {@code update} run may act on. */
public enum UpdateScope {
    /** Everything: keys, certificates, parameters, OCSP responses and SCTs. */
    ALL,
    /** Only keys, certificates and parameters ({@code update --certs}): no OCSP or CT requests. */
    CERTIFICATES,
    /**
     * Only OCSP responses ({@code update --ocsp}); a certificate the responder reports revoked
     * is still renewed in the same run.
     */
    OCSP,
    /** Only SCTs ({@code update --sct}): existing ones are re-checked and missing ones fetched. */
    SCT;

    /**
     * Tells whether the run renews due certificates and refreshes parameters.
     *
     * @return true for {@link #ALL} and {@link #CERTIFICATES}
     */
    public boolean certificates() {
        return this == ALL || this == CERTIFICATES;
    }

    /**
     * Tells whether the run asks OCSP responders.
     *
     * @return true for {@link #ALL} and {@link #OCSP}
     */
    public boolean ocsp() {
        return this == ALL || this == OCSP;
    }

    /**
     * Tells whether the run asks CT logs.
     *
     * @return true for {@link #ALL} and {@link #SCT}
     */
    public boolean sct() {
        return this == ALL || this == SCT;
    }
}
