/**
 * The WebPKI around a certificate: name resolution for probing servers, OCSP (RFC 6960) and
 * Certificate Transparency (RFC 6962) clients (and, in later versions, TLS and STARTTLS probing).
 * {@link org.certmgr.adapters.tls.TlsAdapters} is the only public type.
 */
package org.certmgr.adapters.tls;
