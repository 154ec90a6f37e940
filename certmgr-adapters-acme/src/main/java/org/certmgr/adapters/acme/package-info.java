/**
 * The ACME adapter: talks to the CA with acme4j (accounts, orders, http-01 challenges) and
 * makes keys, CSRs and PEM encodings with Bouncy Castle.
 *
 * <p>Only {@link org.certmgr.adapters.acme.AcmeAdapters} is public; it returns the port
 * types {@code AcmeGateway} and {@code KeyMaterial}. Every acme4j exception is translated
 * into the ports' checked exceptions before it leaves this package.
 */
package org.certmgr.adapters.acme;
