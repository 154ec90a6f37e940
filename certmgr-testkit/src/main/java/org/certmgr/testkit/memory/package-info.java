/**
 * In-memory fakes of the out-ports, for unit tests of the services and of code that embeds
 * certmgr. Each fake passes the contract suite of its port
 * ({@code org.certmgr.testkit.contract}) and adds a few methods to look inside and to inject
 * failures.
 */
package org.certmgr.testkit.memory;
