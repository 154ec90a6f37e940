/**
 * Abstract JUnit 5 contract suites for the driven ports: extend one, implement its factory
 * method, and the port's javadoc contract runs against your adapter. certmgr's own adapters
 * and the testkit's fakes run the same suites.
 */
package org.certmgr.testkit.contract;
