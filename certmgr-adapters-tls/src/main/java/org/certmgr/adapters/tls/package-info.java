/**
 * The WebPKI around a certificate: name resolution, TLS/STARTTLS probing of servers with checks
 * of stapled OCSP responses, and OCSP (RFC 6960) and Certificate Transparency (RFC 6962)
 * clients. {@link org.certmgr.adapters.tls.TlsAdapters} is the only public type.
 */
package org.certmgr.adapters.tls;
