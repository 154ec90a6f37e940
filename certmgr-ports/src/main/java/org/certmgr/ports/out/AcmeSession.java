package org.certmgr.ports.out;

import java.security.cert.X509Certificate;
import java.util.List;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.RevocationReason;

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
     * remove, also on failure), finalizes with the CSR and downloads the chain. Without
     * {@link OrderRequest#answerChallenges()} it MUST answer nothing and fail with a
     * {@link ChallengeException} naming every name whose authorization is not valid yet. Polling is
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

    /**
     * Obtains valid authorizations for names without issuing (the {@code auth} action of a
     * master server): creates an order and answers every authorization that is not yet valid,
     * as {@link #issue} does, then leaves the order unfinalized.
     *
     * @param names     the identifiers
     * @param responder where challenge responses are placed
     * @param timing    how long to wait for the CA
     * @throws ChallengeException when a name could not be validated
     * @throws CaException        when the CA fails otherwise
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    void authorize(List<DnsName> names, ChallengeResponder responder, AcmeTiming timing)
            throws CaException, InterruptedException;

    /**
     * Revokes a certificate this account ordered.
     *
     * <p>Contract: MUST fail with a {@link CaException} when the CA refuses, e.g. for a
     * certificate already revoked.
     *
     * @param certificate the certificate
     * @param reason      the reason given to the CA
     * @throws CaException when the CA refuses or cannot be reached
     */
    void revoke(X509Certificate certificate, RevocationReason reason) throws CaException;

    /**
     * Replaces the account's key (RFC 8555 §7.3.5, key rollover).
     *
     * <p>Contract: afterwards the CA MUST accept logins with {@code newKey} for the same account
     * URL and MUST refuse them with the old key; this session MUST NOT be used again.
     *
     * @param newKey the new account key pair
     * @throws CaException when the CA refuses (the old key then stays valid)
     */
    void changeAccountKey(java.security.KeyPair newKey) throws CaException;

    /**
     * Asks the CA when to renew a certificate (ACME Renewal Information, RFC 9773).
     *
     * <p>Contract: MUST return empty, without error, when the CA's directory offers no renewal
     * information; {@link RenewalInfo#fetchAgainAfter()} MUST be the CA's Retry-After, or six
     * hours after {@code now} when it sends none.
     *
     * @param certificate an installed certificate this CA issued
     * @param now         the current instant
     * @return the CA's answer, or empty when it offers no renewal information
     * @throws CaException when the CA cannot be asked or answers garbage
     */
    java.util.Optional<RenewalInfo> renewalInfo(X509Certificate certificate, java.time.Instant now) throws CaException;
}
