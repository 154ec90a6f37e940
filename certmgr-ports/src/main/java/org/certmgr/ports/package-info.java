/**
 * The application core: the {@link org.certmgr.ports.Certmgr} facade and the services behind
 * it, which implement the use cases of {@link org.certmgr.ports.in} using only the driven
 * ports of {@link org.certmgr.ports.out}.
 */
package org.certmgr.ports;
