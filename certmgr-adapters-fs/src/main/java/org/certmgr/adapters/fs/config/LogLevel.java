package org.certmgr.adapters.fs.config;

/** How much certmgr writes to its log file ({@code settings.log_level}). */
public enum LogLevel {
    /** Errors only ({@code null} in the configuration, like {@code --quiet}). */
    QUIET,
    /** What was done: certificates issued, files installed ({@code "normal"}, the default). */
    NORMAL,
    /** Also what was checked and left alone ({@code "verbose"}, like {@code --verbose}). */
    VERBOSE,
    /** Everything, including the exchanges with the CA ({@code "debug"}, like {@code --debug}). */
    DEBUG
}
