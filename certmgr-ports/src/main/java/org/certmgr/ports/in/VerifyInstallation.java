package org.certmgr.ports.in;

import java.util.List;

/**
 * The {@code verify} use case: proves that every configured server serves the certificate
 * certmgr installed, per key type, on every address of every host.
 */
public interface VerifyInstallation {

    /**
     * Probes the verification targets of the selected certificates (all when {@code names} is
     * empty) and compares what is served with the installed files.
     *
     * @param names certificates, by common name or alternative name; empty for all
     * @return one outcome per probe
     * @throws InterruptedException when interrupted while probing
     * @throws IllegalArgumentException when a name matches no configured certificate
     */
    VerifyReport verify(List<String> names) throws InterruptedException;
}
