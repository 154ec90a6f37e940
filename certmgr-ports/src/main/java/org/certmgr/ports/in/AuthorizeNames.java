package org.certmgr.ports.in;

import java.util.List;

/**
 * The {@code auth} use case of a master server: obtain valid authorizations for the names of
 * the selected certificates, answering http-01 challenges, without issuing anything. A
 * follower sharing the account then issues with {@code update --no-auth}.
 */
public interface AuthorizeNames {

    /**
     * Authorizes the names of the selected certificates.
     *
     * @param names certificates, by common name or alternative name; empty for all
     * @return one outcome per certificate: an action line, or the error
     * @throws InterruptedException when the run is interrupted
     */
    RunReport authorize(List<String> names) throws InterruptedException;
}
