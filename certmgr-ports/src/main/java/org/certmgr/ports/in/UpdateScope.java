package org.certmgr.ports.in;

/** Which parts of each certificate an {@code update} run may act on. */
public enum UpdateScope {
    /** Everything: keys, certificates, parameters and every other file. */
    ALL,
    /** Only keys, certificates and parameters ({@code update --certs}). */
    CERTIFICATES
}
