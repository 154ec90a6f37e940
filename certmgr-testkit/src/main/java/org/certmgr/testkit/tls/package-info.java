/**
 * Real TLS peers for tests of installation verification: a test PKI that issues RSA and ECDSA
 * chains and OCSP responses, and a JSSE server that serves chosen chains per key type, from
 * the start or after the STARTTLS upgrade of a protocol as its RFC describes. Everything
 * listens on loopback addresses only.
 */
package org.certmgr.testkit.tls;
