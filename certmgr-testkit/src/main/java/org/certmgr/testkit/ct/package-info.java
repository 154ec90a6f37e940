/**
 * A Certificate Transparency log for tests: {@link org.certmgr.testkit.ct.TestCtLog} serves
 * RFC 6962 {@code add-chain} on 127.0.0.1 and signs real SCTs with its own key.
 */
package org.certmgr.testkit.ct;
