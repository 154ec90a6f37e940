/**
 * The WebPKI around a certificate: name resolution and TLS/STARTTLS probing of servers with
 * checks of stapled OCSP responses (and, in later versions, OCSP fetching and Certificate
 * Transparency). {@link org.certmgr.adapters.tls.TlsAdapters} is the only public type.
 */
package org.certmgr.adapters.tls;
