/**
 * In-memory fakes of the driven ports for unit tests of the core, and a
 * {@link org.certmgr.testkit.fakes.MutableClock}.
 *
 * <p>The fakes are faithful rather than permissive: they refuse what the real adapters and
 * the real CA refuse (a CSR whose names differ from the order's, an account that did not agree
 * to the terms, a wrong passphrase), and their output is real cryptographic material, so a
 * test that passes against them tells the truth about the core.
 */
package org.certmgr.testkit.fakes;
