package org.certmgr.ports.in;

import java.util.List;

/**
 * The {@code status} use case: where every certificate stands, read from local files only — no
 * CA, no OCSP responder, no log is contacted, and nothing is written.
 */
public interface ShowStatus {

    /**
     * Describes the selected certificates, each key type as {@code update} would judge it now.
     *
     * @param names certificates, by common name or alternative name; empty for all
     * @return the status, certificates in configuration order
     * @throws IllegalArgumentException when a name is not a configured certificate
     */
    StatusReport status(List<String> names);
}
