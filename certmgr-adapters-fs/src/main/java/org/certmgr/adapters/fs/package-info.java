/**
 * The local machine's adapters: the atomic certificate store with its generations and
 * archives, the account store, the http-01 challenge directories, the hook runner and service
 * reloader (external commands, never through a shell) and the run lock.
 *
 * <p>Everything here is package-private behind {@link org.certmgr.adapters.fs.FsAdapters},
 * which returns port types; I/O failures become the ports' checked exceptions with a message
 * naming the path and the operating system's reason.
 */
package org.certmgr.adapters.fs;
