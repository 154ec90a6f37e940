package org.certmgr.cli;

/** The exit codes of certmgr, documented in {@code --help} and docs/exit-codes.md. */
public enum ExitCode {
    /** Everything selected is up to date (or was brought up to date). */
    SUCCESS(0, "success: every selected certificate is up to date"),
    /** At least one certificate could not be updated; the others were processed, its files are unchanged. */
    CERTIFICATE_FAILED(1, "at least one certificate failed (its installed files are unchanged); the others were processed"),
    /** The command line or the configuration is wrong; nothing was touched. */
    CONFIGURATION_ERROR(2, "usage or configuration error; nothing was changed"),
    /** Another certmgr holds the lock file; nothing was done. */
    LOCK_HELD(3, "another certmgr is running (the lock file is held); nothing was done"),
    /** A verification probe found a server that does not serve the installed certificate (verify, update --verify). */
    VERIFICATION_FAILED(4, "verification failed: a server does not serve the installed certificate as expected"),
    /** An unexpected internal error (a bug): please report it with the output of --debug. */
    INTERNAL_ERROR(70, "internal error (a bug in certmgr); rerun with --debug and report it");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /**
     * Returns the numeric process exit status.
     *
     * @return the code
     */
    public int code() {
        return code;
    }

    /**
     * Returns what the code means, for {@code --help}.
     *
     * @return one line
     */
    public String meaning() {
        return meaning;
    }
}
