package org.certmgr.ports.in;

import java.util.List;
import java.util.Objects;
import org.certmgr.domain.RevocationReason;

/**
 * The {@code revoke} use case: revoke the certificate of every key type of the named
 * certificates, then move their files to the archive.
 */
public interface RevokeCertificates {

    /**
     * What to revoke.
     *
     * @param names  the certificates, by common name or alternative name; at least one, since
     *               revoking every certificate by mistake cannot be undone
     * @param reason the reason given to the CA
     */
    record RevokeCommand(List<String> names, RevocationReason reason) {
        /**
         * Checks that names are given.
         *
         * @param names  the certificates; at least one
         * @param reason the reason
         */
        public RevokeCommand {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("name the certificates to revoke; certmgr never revokes all of"
                        + " them at once");
            }
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Revokes certificates. A certificate whose revocation fails for any key type keeps its files.
     *
     * @param command what to revoke
     * @return one outcome per certificate
     * @throws InterruptedException when the run is interrupted
     */
    RunReport revoke(RevokeCommand command) throws InterruptedException;
}
