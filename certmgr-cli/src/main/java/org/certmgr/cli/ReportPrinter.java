package org.certmgr.cli;

import java.io.PrintStream;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.in.ProbeOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.VerifyReport;
import org.certmgr.ports.out.Maintenance;

/**
 * Prints what a run did: one line per change on standard output, one line per warning or
 * failure on standard error, and nothing at all when nothing changed (so cron sends no mail).
 * Every line also goes to the log file, verbose lines at debug level.
 */
final class ReportPrinter {
    private final PrintStream out;
    private final PrintStream err;
    private final Verbosity verbosity;
    private final boolean color;
    private final RunLog log;

    ReportPrinter(PrintStream out, PrintStream err, Verbosity verbosity, boolean color, RunLog log) {
        this.out = out;
        this.err = err;
        this.verbosity = verbosity;
        this.color = color;
        this.log = log;
    }

    void print(RunReport report) {
        for (CertificateOutcome c : report.certificates()) {
            for (String warning : c.warnings()) {
                warning(c.name() + ": warning: " + warning);
            }
            if (c.failed()) {
                failure(c.name() + ": failed: " + c.error().orElseThrow());
                continue;
            }
            for (KeyTypeOutcome k : c.keyTypes()) {
                if (k.renewed()) {
                    change(c.name() + ": installed a new " + k.keyType() + " certificate (" + k.reason() + ")");
                } else {
                    detail(c.name() + ": " + k.keyType() + " certificate kept: " + k.reason());
                }
            }
            c.actions().forEach(a -> change(c.name() + ": " + a));
            c.filesWritten().forEach(f -> detail(c.name() + ":   wrote " + f));
            c.filesRemoved().forEach(f -> detail(c.name() + ":   archived " + f));
            c.housekeeping().forEach(h -> detail(c.name() + ": " + h));
        }
        report.servicesReloaded().forEach(s -> change("reloaded service " + s));
        report.warnings().forEach(w -> warning("warning: " + w));
        flush();
    }

    /**
     * Prints a verification: one failure line per failed probe, one detail line per passed
     * probe (verbose), and a summary line, which is a failure when a probe failed and a detail
     * otherwise (so a good verification is silent).
     */
    void print(VerifyReport report) {
        for (ProbeOutcome probe : report.probes()) {
            String line = probe.certificate() + ": verify " + probe.where() + ": " + probe.verdict().description();
            if (probe.ok()) {
                detail(line);
            } else {
                failure(line + (probe.detail().isEmpty() ? "" : ": " + probe.detail()));
            }
        }
        report.warnings().forEach(w -> warning("verify: warning: " + w));
        int failed = report.failures().size();
        int all = report.probes().size();
        if (failed > 0) {
            failure("verify: " + failed + " of " + all + " probe" + (all == 1 ? "" : "s") + " failed");
        } else {
            detail("verify: all " + all + " probe" + (all == 1 ? "" : "s") + " passed");
        }
        flush();
    }

    void print(String action, Maintenance result) {
        result.actions().forEach(a -> change(action + ": " + a));
        result.warnings().forEach(w -> warning(action + ": warning: " + w));
        flush();
    }

    /** A change: on standard output unless quiet. */
    void change(String line) {
        log.info(line);
        if (verbosity != Verbosity.QUIET) {
            out.println(Style.CHANGE.apply(line, color));
        }
    }

    /** A detail: on standard output at --verbose and --debug. */
    void detail(String line) {
        log.debug(line);
        if (verbosity.compareTo(Verbosity.VERBOSE) >= 0) {
            out.println(Style.DETAIL.apply(line, color));
        }
    }

    /** A warning: always on standard error. */
    void warning(String line) {
        log.warn(line);
        err.println(Style.WARNING.apply("certmgr: " + line, color));
    }

    /** A failure: always on standard error. */
    void failure(String line) {
        log.error(line);
        err.println(Style.FAILURE.apply("certmgr: " + line, color));
    }

    void flush() {
        out.flush();
        err.flush();
    }
}
