package org.certmgr.ports.out;

/** What an OCSP responder says about a certificate. */
public enum OcspStatus {
    /** Not revoked. */
    GOOD,
    /** Revoked: the certificate must be replaced. */
    REVOKED,
    /** The responder does not know the certificate. */
    UNKNOWN
}
