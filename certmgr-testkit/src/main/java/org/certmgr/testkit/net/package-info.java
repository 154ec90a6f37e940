/** Network helpers for tests: a counting TCP proxy that shows whether a run contacted a server at all. */
package org.certmgr.testkit.net;
