package org.certmgr.cli;

/** How much the command line prints. */
enum Verbosity {
    /** Errors only. */
    QUIET,
    /** One line per change, errors. The default: silent when nothing changed, for cron. */
    NORMAL,
    /** Also what was checked and why nothing was done. */
    VERBOSE,
    /** Also the library logs (ACME requests and replies). */
    DEBUG
}
