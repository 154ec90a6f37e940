package org.certmgr.ports.in;

import java.util.List;
import org.certmgr.ports.out.Maintenance;

/**
 * The {@code check} and {@code cleanup} use cases: keeping the stored files in order without
 * contacting any CA.
 */
public interface MaintainFiles {

    /**
     * Checks and repairs permissions, ownership and alias links of the selected certificates
     * (all when {@code names} is empty) and of the account.
     *
     * @param names certificates, by common name or alternative name; empty for all
     * @return what was repaired and what could not be
     */
    Maintenance check(List<String> names);

    /**
     * Deletes archives older than the configured retention for the selected certificates.
     *
     * @param names certificates, by common name or alternative name; empty for all
     * @return what was deleted and what could not be
     */
    Maintenance cleanup(List<String> names);
}
