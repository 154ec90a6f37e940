/**
 * A real Pebble ACME test CA for integration tests: {@link org.certmgr.testkit.pebble.PebbleServer}
 * runs {@code pebble} and {@code pebble-challtestsrv} (Debian package {@code pebble}) on free
 * 127.0.0.1 ports, {@link org.certmgr.testkit.pebble.ChallengeWebServer} answers its http-01
 * validations from files, and {@link org.certmgr.testkit.pebble.PebbleExtension} gives a JUnit 5
 * test class both.
 *
 * <p>No name is ever resolved outside the machine: Pebble asks only the fake DNS server, which
 * answers 127.0.0.1 for every name.
 */
package org.certmgr.testkit.pebble;
