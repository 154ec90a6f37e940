/** Helpers for the processes tests start (Pebble, nginx, openssl): stopped by PID, bounded. */
package org.certmgr.testkit.process;
