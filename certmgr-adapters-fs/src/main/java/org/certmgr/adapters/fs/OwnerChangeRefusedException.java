package org.certmgr.adapters.fs;

import java.io.IOException;
import org.certmgr.ports.out.StoreException;

/**
 * The system refused to change a file's owner or group (EPERM or EACCES): the process is not
 * root and may not give its files away.
 */
final class OwnerChangeRefusedException extends StoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, naming the path and the system's reason
     * @param cause   the I/O exception
     */
    OwnerChangeRefusedException(String message, IOException cause) {
        super(message, cause);
    }
}
