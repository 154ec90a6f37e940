package org.certmgr.ports.in;

import org.certmgr.domain.KeyType;

/**
 * What happened to one key type of a certificate.
 *
 * @param keyType the key type
 * @param renewed whether a new certificate was issued and installed
 * @param reason  why it was (or was not) renewed, e.g. "expires in 12 days"
 */
public record KeyTypeOutcome(KeyType keyType, boolean renewed, String reason) {
}
