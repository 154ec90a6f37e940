/**
 * The WebPKI around a certificate: name resolution for probing servers (and, in later
 * versions, TLS and STARTTLS probing, OCSP and Certificate Transparency).
 * {@link org.certmgr.adapters.tls.TlsAdapters} is the only public type.
 */
package org.certmgr.adapters.tls;
