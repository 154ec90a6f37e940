package org.certmgr.ports.out;

/**
 * A logged-in ACME account.
 *
 * <p>Contract: implementations MUST be safe for concurrent use by several threads, each
 * ordering a different certificate.
 */
public interface AcmeSession {

    /**
     * Orders a certificate: creates the order, answers every authorization that is not yet
     * valid with an http-01 challenge through {@code responder} (deploy, trigger, poll, then
     * remove, also on failure), finalizes with the CSR and downloads the chain. Polling is
     * bounded by the request's timing and honours the CA's Retry-After.
     *
     * @param request   names, CSR and timing
     * @param responder where challenge responses are placed
     * @return the issued chain
     * @throws ChallengeException when a name could not be validated, naming it and the CA's reason
     * @throws CaException        when the order fails otherwise
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    IssuedChain issue(OrderRequest request, ChallengeResponder responder) throws CaException, InterruptedException;
}
