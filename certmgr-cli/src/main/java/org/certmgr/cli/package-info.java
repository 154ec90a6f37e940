/**
 * The command line: parses arguments, loads the configuration, wires the adapters into the
 * core ({@link org.certmgr.ports.Certmgr}) and talks to people. Nothing below
 * {@link org.certmgr.cli.Main#main} calls {@code System.exit}.
 */
package org.certmgr.cli;
