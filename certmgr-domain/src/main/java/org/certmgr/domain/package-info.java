/**
 * The certmgr domain: value types that cannot hold a bad state, and pure decisions.
 *
 * <p>Nothing here performs I/O, reads a clock or logs; callers pass the current
 * {@link java.time.Instant} in. Every constructor validates its input and throws
 * {@link org.certmgr.domain.InvalidValueException} with a message fit for a person.
 */
package org.certmgr.domain;
