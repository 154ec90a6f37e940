package org.certmgr.ports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.ports.out.StoreException;

/**
 * Keeps the result of each {@code update} run in the {@link RunHistory} and publishes the
 * figures through the {@link MetricsWriter}, after every run whether it succeeded or not. Neither
 * may fail the run: a problem becomes a warning of the run.
 */
final class RunRecorder {
    /** A failure reason longer than this is cut: the history keeps the short reason, the log the rest. */
    static final int MAX_REASON = 500;

    private final RunHistory history;
    private final MetricsWriter metrics;
    private final StatusService status;
    private final SettledCertificates settled;
    private final Clock clock;

    RunRecorder(RunHistory history, MetricsWriter metrics, StatusService status, SettledCertificates settled,
                Clock clock) {
        this.history = history;
        this.metrics = metrics;
        this.status = status;
        this.settled = settled;
        this.clock = clock;
    }

    /**
     * Records a run and publishes the figures.
     *
     * @param report what the run did
     * @return the report with a warning for what could not be recorded or published
     */
    RunReport record(RunReport report) {
        Instant at = clock.instant();
        List<String> warnings = new ArrayList<>();
        Optional<RunHistory.RunSummary> previous = read(history::lastRun);
        int failed = (int) report.certificates().stream().filter(CertificateOutcome::failed).count();
        RunHistory.RunSummary summary = new RunHistory.RunSummary(at, report.certificates().size(), failed,
                failed == 0 ? Optional.of(at) : previous.flatMap(RunHistory.RunSummary::lastSuccess));
        Map<CertificateName, RunHistory.CertificateRun> entries = new LinkedHashMap<>();
        for (CertificateOutcome outcome : report.certificates()) {
            Optional<Instant> lastSuccess = outcome.failed()
                    ? read(() -> history.lastRun(outcome.name())).flatMap(RunHistory.CertificateRun::lastSuccess)
                    : Optional.of(at);
            entries.put(outcome.name(), new RunHistory.CertificateRun(at, outcome.error().map(RunRecorder::shorten),
                    lastSuccess));
        }
        try {
            history.record(summary, entries);
        } catch (StoreException e) {
            warnings.add("the result of this run could not be recorded for status: " + e.getMessage());
        }
        if (metrics != MetricsWriter.NONE) {
            try {
                metrics.write(status.figures(summary, settled));
            } catch (StoreException e) {
                warnings.add("the metrics file was not written: " + e.getMessage());
            }
        }
        if (warnings.isEmpty()) {
            return report;
        }
        List<String> all = new ArrayList<>(report.warnings());
        all.addAll(warnings);
        return new RunReport(report.certificates(), report.servicesReloaded(), all);
    }

    private static String shorten(String reason) {
        String line = reason.replace('\n', ' ').replace('\r', ' ');
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 1) + "…";
    }

    /** What can be read; an unreadable history reads as empty. */
    private static <T> Optional<T> read(Reader<T> reader) {
        try {
            return reader.read();
        } catch (StoreException e) {
            return Optional.empty();
        }
    }

    /** A read of the history. */
    @FunctionalInterface
    private interface Reader<T> {
        Optional<T> read() throws StoreException;
    }
}
