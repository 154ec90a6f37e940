/**
 * Driven ports: what the core needs from the outside world (the CA, the file system, the
 * person at the terminal), as small interfaces whose contracts are written as MUST rules.
 *
 * <p>No type of acme4j, Bouncy Castle, Jackson or Commons appears here; adapters translate
 * their library's exceptions into the checked exceptions of this package.
 */
package org.certmgr.ports.out;
