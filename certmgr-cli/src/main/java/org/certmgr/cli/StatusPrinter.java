package org.certmgr.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.in.CertificateStatus;
import org.certmgr.ports.in.KeyTypeStatus;
import org.certmgr.ports.in.KeyTypeStatus.Condition;
import org.certmgr.ports.in.KeyTypeStatus.OcspState;
import org.certmgr.ports.in.StatusReport;
import org.certmgr.ports.out.RunHistory;

/**
 * Prints a {@link StatusReport}: a table of one row per certificate and key type that fits in 100
 * columns, with the planner's reason under each row that needs attention (under every row with
 * {@code --verbose}), or the JSON document described in docs/status-and-metrics.md.
 */
final class StatusPrinter {
    /** The version of the JSON document; raised only when a field changes meaning or disappears. */
    static final int JSON_FORMAT = 1;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String ROW = "%-24s %-5s %-16s %5s %-20s %-8s %-3s %s";
    private static final int NAME_WIDTH = 24;

    private final PrintStream out;
    private final boolean color;
    private final boolean verbose;

    StatusPrinter(PrintStream out, boolean color, boolean verbose) {
        this.out = out;
        this.color = color;
        this.verbose = verbose;
    }

    /** Prints the table. */
    void table(StatusReport report) {
        Instant now = report.generatedAt();
        out.println(String.format(Locale.ROOT, ROW, "CERTIFICATE", "KEY", "NOT AFTER (UTC)", "LEFT", "NEXT RENEWAL",
                "OCSP", "SCT", "LAST RUN").stripTrailing());
        int due = 0;
        int problems = 0;
        for (CertificateStatus c : report.certificates()) {
            boolean firstRow = true;
            problems += c.problem() ? 1 : 0;
            for (KeyTypeStatus k : c.keyTypes()) {
                due += k.condition() == Condition.RENEWAL_DUE ? 1 : 0;
                String line = String.format(Locale.ROOT, ROW, firstRow ? name(c) : "", k.keyType().id(),
                        k.notAfter().map(DATE::format).orElse("-"),
                        k.notAfter().map(t -> span(Duration.between(now, t))).orElse("-"), next(k, now),
                        k.notAfter().isPresent() ? ocsp(k.ocsp(), now) : "-", scts(k),
                        firstRow ? lastRun(c.lastRun(), now) : "").stripTrailing();
                out.println(style(c, k).apply(line, color));
                if (verbose || k.nextRenewal().due() || k.problem()) {
                    out.println(Style.DETAIL.apply("    " + k.keyType().id() + ": " + k.nextRenewal().reason()
                            + k.nextRenewal().heldUntil().map(until -> "; the CA asked not to be asked before "
                            + DATE.format(until) + " UTC").orElse(""), color));
                }
                firstRow = false;
            }
            c.error().ifPresent(e -> out.println(Style.FAILURE.apply("    files cannot be read: " + e, color)));
            c.lastRun().flatMap(RunHistory.CertificateRun::failure)
                    .ifPresent(f -> out.println(Style.FAILURE.apply("    last run failed: " + f, color)));
        }
        out.println();
        int count = report.certificates().size();
        out.println(count + " certificate" + (count == 1 ? "" : "s") + ", " + due + " key type" + (due == 1 ? "" : "s")
                + " due for renewal, " + problems + " with problems");
        out.println("last update: " + report.lastRun().map(run -> DATE.format(run.at()) + " UTC, "
                + run.certificates() + " processed, " + run.failed() + " failed").orElse("none recorded yet"));
        out.flush();
    }

    /** Prints the JSON document. */
    void json(StatusReport report) {
        Instant now = report.generatedAt();
        JsonText json = new JsonText().beginObject();
        json.name("format").value(JSON_FORMAT);
        json.name("generated_at").value(Optional.of(now));
        json.name("healthy").value(!report.anyProblem());
        json.name("last_run");
        if (report.lastRun().isEmpty()) {
            json.nullValue();
        } else {
            RunHistory.RunSummary run = report.lastRun().get();
            json.beginObject().name("at").value(Optional.of(run.at()))
                    .name("certificates").value(run.certificates())
                    .name("failed").value(run.failed())
                    .name("last_success").value(run.lastSuccess())
                    .endObject();
        }
        json.name("certificates").beginArray();
        for (CertificateStatus c : report.certificates()) {
            json.beginObject();
            json.name("name").value(c.name().toString());
            json.name("alt_names").beginArray();
            for (DnsName n : c.altNames()) {
                json.value(n.ascii());
            }
            json.endArray();
            json.name("healthy").value(!c.problem());
            json.name("error").string(c.error());
            Optional<RunHistory.CertificateRun> last = c.lastRun();
            json.name("last_run").beginObject()
                    .name("result").value(last.map(r -> r.ok() ? "ok" : "failed").orElse("never"))
                    .name("at").value(last.map(RunHistory.CertificateRun::at))
                    .name("failure").string(last.flatMap(RunHistory.CertificateRun::failure))
                    .name("last_success").value(last.flatMap(RunHistory.CertificateRun::lastSuccess))
                    .endObject();
            json.name("key_types").beginArray();
            for (KeyTypeStatus k : c.keyTypes()) {
                keyType(json, k, now);
            }
            json.endArray();
            json.endObject();
        }
        json.endArray();
        json.endObject();
        out.println(json);
        out.flush();
    }

    private static void keyType(JsonText json, KeyTypeStatus k, Instant now) {
        KeyTypeStatus.NextRenewal next = k.nextRenewal();
        json.beginObject();
        json.name("key_type").value(k.keyType().id());
        json.name("state").value(k.condition().name().toLowerCase(Locale.ROOT));
        json.name("not_before").value(k.notBefore());
        json.name("not_after").value(k.notAfter());
        json.name("seconds_left");
        if (k.notAfter().isPresent()) {
            json.value(Duration.between(now, k.notAfter().get()).toSeconds());
        } else {
            json.nullValue();
        }
        json.name("next_renewal").beginObject()
                .name("at").value(Optional.of(next.at()))
                .name("seconds_until").value(Duration.between(now, next.at()).toSeconds())
                .name("due").value(next.due())
                .name("basis").value(next.basis().name().toLowerCase(Locale.ROOT))
                .name("reason").value(next.reason())
                .name("ari_window");
        if (next.caWindow().isPresent()) {
            json.beginObject().name("start").value(Optional.of(next.caWindow().get().start()))
                    .name("end").value(Optional.of(next.caWindow().get().end())).endObject();
        } else {
            json.nullValue();
        }
        json.name("held_until").value(next.heldUntil())
                .name("hold_reason").string(next.holdReason())
                .endObject();
        OcspState ocsp = k.ocsp();
        json.name("ocsp").beginObject()
                .name("state").value(ocsp.kind().name().toLowerCase(Locale.ROOT))
                .name("this_update").value(ocsp.thisUpdate())
                .name("next_update").value(ocsp.nextUpdate())
                .name("age_seconds");
        if (ocsp.thisUpdate().isPresent()) {
            json.value(Duration.between(ocsp.thisUpdate().get(), now).toSeconds());
        } else {
            json.nullValue();
        }
        json.endObject();
        json.name("scts").beginObject().name("count").value(k.sctCount()).name("expected").value(k.sctExpected())
                .endObject();
        json.endObject();
    }

    private static String name(CertificateStatus c) {
        String suffix = c.altNames().size() > 1 ? " +" + (c.altNames().size() - 1) : "";
        String name = c.name().toString();
        int room = NAME_WIDTH - suffix.length();
        if (name.length() > room) {
            name = name.substring(0, room - 1) + "…";
        }
        return name + suffix;
    }

    private static String next(KeyTypeStatus k, Instant now) {
        KeyTypeStatus.NextRenewal next = k.nextRenewal();
        if (next.heldUntil().isPresent() && next.due()) {
            return "held, " + span(Duration.between(now, next.heldUntil().get()));
        }
        if (next.due()) {
            return "renew now";
        }
        String basis = switch (next.basis()) {
            case ARI -> " (ARI)";
            case LIFETIME -> " (lifetime)";
            case CHANGE -> "";
        };
        return "in " + span(Duration.between(now, next.at())) + basis;
    }

    private static String ocsp(OcspState ocsp, Instant now) {
        return switch (ocsp.kind()) {
            case DISABLED -> "off";
            case NO_RESPONDER -> "-";
            case NONE -> "none";
            case GOOD -> "good " + ocsp.thisUpdate().map(t -> span(Duration.between(t, now))).orElse("");
            case REVOKED -> "REVOKED";
            case UNKNOWN -> "unknown";
            case INVALID -> "invalid";
        };
    }

    private static String scts(KeyTypeStatus k) {
        if (k.sctExpected() == 0 && k.sctCount() == 0) {
            return "-";
        }
        return k.sctCount() + "/" + k.sctExpected();
    }

    private static String lastRun(Optional<RunHistory.CertificateRun> run, Instant now) {
        if (run.isEmpty()) {
            return "never";
        }
        return (run.get().ok() ? "ok " : "FAILED ") + span(Duration.between(run.get().at(), now));
    }

    private static Style style(CertificateStatus c, KeyTypeStatus k) {
        if (k.problem() || c.error().isPresent() || c.lastRun().map(r -> !r.ok()).orElse(false)) {
            return Style.FAILURE;
        }
        if (k.nextRenewal().due()) {
            return Style.WARNING;
        }
        return Style.PLAIN;
    }

    /**
     * A duration as a table shows it: days from two days, else hours from two hours, else minutes;
     * negative when past.
     *
     * @param d the duration
     * @return e.g. "89d", "5h", "-3d", "0m"
     */
    static String span(Duration d) {
        String sign = d.isNegative() ? "-" : "";
        Duration a = d.abs();
        if (a.toDays() >= 2) {
            return sign + a.toDays() + "d";
        }
        if (a.toHours() >= 2) {
            return sign + a.toHours() + "h";
        }
        return (a.toMinutes() == 0 ? "" : sign) + a.toMinutes() + "m";
    }
}
