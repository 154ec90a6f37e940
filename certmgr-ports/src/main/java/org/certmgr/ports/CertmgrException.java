package org.certmgr.ports;

/**
 * A certificate could not be processed; the message says why in words for an operator.
 * Used inside the core to carry one certificate's failure to its outcome.
 */
final class CertmgrException extends Exception {
    private static final long serialVersionUID = 1L;

    CertmgrException(String message) {
        super(message);
    }

    CertmgrException(String message, Throwable cause) {
        super(message, cause);
    }
}
