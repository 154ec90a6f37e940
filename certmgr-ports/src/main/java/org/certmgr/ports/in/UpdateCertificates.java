package org.certmgr.ports.in;

/**
 * The {@code update} use case: for each selected certificate, decide per key type whether a
 * new certificate is needed, obtain it, and install the complete file set in one transaction.
 *
 * <p>A certificate that fails leaves its installed files untouched and does not stop the
 * others. A run in which nothing is due contacts no CA.
 */
public interface UpdateCertificates {

    /**
     * Runs an update.
     *
     * @param command what to update
     * @return what happened to each certificate
     * @throws InterruptedException when the run is interrupted
     */
    RunReport update(UpdateCommand command) throws InterruptedException;
}
