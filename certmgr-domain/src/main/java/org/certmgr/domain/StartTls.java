package org.certmgr.domain;

import java.util.Locale;

/** The protocols whose STARTTLS command installation verification can speak. */
public enum StartTls {
    /** SMTP, e.g. port 25 or 587. */
    SMTP,
    /** POP3, e.g. port 110. */
    POP3,
    /** IMAP, e.g. port 143. */
    IMAP,
    /** ManageSieve, e.g. port 4190. */
    SIEVE,
    /** FTP (AUTH TLS), e.g. port 21. */
    FTP,
    /** XMPP, e.g. port 5222. */
    XMPP,
    /** LDAP (StartTLS extended operation), e.g. port 389. */
    LDAP;

    /**
     * Returns the name used in the configuration.
     *
     * @return e.g. {@code smtp}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
