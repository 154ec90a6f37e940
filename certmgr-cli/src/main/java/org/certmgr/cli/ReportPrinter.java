package org.certmgr.cli;

import java.io.PrintStream;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.in.RunReport;

/**
 * Prints a run report: one line per change on standard output, one line per failure on
 * standard error, and nothing at all when nothing changed (so cron sends no mail).
 */
final class ReportPrinter {
    private final PrintStream out;
    private final PrintStream err;
    private final Verbosity verbosity;

    ReportPrinter(PrintStream out, PrintStream err, Verbosity verbosity) {
        this.out = out;
        this.err = err;
        this.verbosity = verbosity;
    }

    void print(RunReport report) {
        for (CertificateOutcome c : report.certificates()) {
            for (String warning : c.warnings()) {
                err.println("certmgr: " + c.name() + ": warning: " + warning);
            }
            if (c.failed()) {
                err.println("certmgr: " + c.name() + ": failed: " + c.error().orElseThrow());
                continue;
            }
            for (KeyTypeOutcome k : c.keyTypes()) {
                if (k.renewed() && verbosity != Verbosity.QUIET) {
                    out.println(c.name() + ": installed a new " + k.keyType() + " certificate (" + k.reason() + ")");
                } else if (!k.renewed() && verbosity.compareTo(Verbosity.VERBOSE) >= 0) {
                    out.println(c.name() + ": " + k.keyType() + " certificate kept: " + k.reason());
                }
            }
            if (c.changed() && verbosity.compareTo(Verbosity.VERBOSE) >= 0) {
                for (String file : c.filesWritten()) {
                    out.println(c.name() + ":   wrote " + file);
                }
            }
        }
        out.flush();
        err.flush();
    }
}
