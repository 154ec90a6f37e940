package org.certmgr.ports.out;

import java.security.KeyPair;
import java.util.Optional;

/**
 * The ACME CA, at the directory URL the adapter was created for.
 *
 * <p>Contract: no method may be called before it is needed; creating the gateway MUST NOT
 * contact the CA, so that a run with nothing to do makes no request. Network failures MUST
 * surface as {@link CaUnreachableException}, rate limits as {@link CaRateLimitedException},
 * other refusals as {@link CaException} with the CA's problem detail in the message.
 * Transient faults that the protocol says to retry (badNonce) MUST be retried inside the
 * adapter.
 */
public interface AcmeGateway {

    /**
     * Reads the CA's directory.
     *
     * @return what the directory says
     * @throws CaException when it cannot be read
     */
    CaDirectory directory() throws CaException;

    /**
     * Registers a new account (or finds the existing one for this key).
     *
     * @param accountKey  the account key pair
     * @param email       the contact address, if any
     * @param agreeToTerms whether the operator accepted the terms of service
     * @return the registration
     * @throws CaException when the CA refuses
     */
    AccountRegistration register(KeyPair accountKey, Optional<String> email, boolean agreeToTerms) throws CaException;

    /**
     * Opens a session for a registered account.
     *
     * @param accountKey   the account key pair
     * @param registration the registration
     * @return a session
     * @throws CaException when the CA does not know the account
     */
    AcmeSession login(KeyPair accountKey, AccountRegistration registration) throws CaException;
}
