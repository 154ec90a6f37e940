/**
 * Abstract contract test suites for the out-ports, one per port, each MUST rule of the port's
 * javadoc a test.
 *
 * <p>A custom adapter proves itself by a JUnit 5 test class that extends the suite and
 * implements its few abstract methods; certmgr's own adapters and in-memory fakes run the same
 * suites, which also proves the fakes faithful.
 */
package org.certmgr.testkit.contract;
