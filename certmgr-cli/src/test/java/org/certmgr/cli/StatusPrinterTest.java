package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.RenewalWindow;
import org.certmgr.ports.in.CertificateStatus;
import org.certmgr.ports.in.KeyTypeStatus;
import org.certmgr.ports.in.KeyTypeStatus.Basis;
import org.certmgr.ports.in.KeyTypeStatus.Condition;
import org.certmgr.ports.in.KeyTypeStatus.NextRenewal;
import org.certmgr.ports.in.KeyTypeStatus.OcspState;
import org.certmgr.ports.in.StatusReport;
import org.certmgr.ports.out.RunHistory;
import org.junit.jupiter.api.Test;

/** The status table's cells, including the widest ones, and its colours. */
class StatusPrinterTest {
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00Z");

    private static String print(StatusReport report, boolean color) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            new StatusPrinter(out, color, false).table(report);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static CertificateStatus certificate(String name, Optional<RunHistory.CertificateRun> run,
                                                 KeyTypeStatus... keyTypes) {
        return new CertificateStatus(CertificateName.of(name), List.of(DnsName.of(name), DnsName.of("www." + name)),
                run, List.of(keyTypes), Optional.empty());
    }

    private static KeyTypeStatus keyType(KeyType type, Condition condition, Duration left, NextRenewal next,
                                         OcspState ocsp, int scts, int expected) {
        return new KeyTypeStatus(type, condition, Optional.of(NOW.minus(Duration.ofDays(10))),
                Optional.of(NOW.plus(left)), next, ocsp, scts, expected);
    }

    @Test
    void givenTheWidestCells_thenEveryLineFitsIn100Columns_andEachCellSaysWhatItShould() {
        RunHistory.CertificateRun failed = new RunHistory.CertificateRun(NOW.minus(Duration.ofDays(1825)),
                Optional.of("the CA is unreachable"), Optional.empty());
        NextRenewal far = new NextRenewal(NOW.plus(Duration.ofDays(12345)), false, Basis.LIFETIME, "valid for ages",
                Optional.empty(), Optional.empty(), Optional.empty());
        NextRenewal ari = new NextRenewal(NOW.plus(Duration.ofHours(30)), false, Basis.ARI, "the CA suggests (ARI)",
                Optional.of(new RenewalWindow(NOW, NOW.plus(Duration.ofDays(2)))), Optional.empty(), Optional.empty());
        NextRenewal held = new NextRenewal(NOW.minus(Duration.ofDays(3)), true, Basis.LIFETIME, "expires in 27 days",
                Optional.empty(), Optional.of(NOW.plus(Duration.ofHours(5))), Optional.of("rate limited"));
        StatusReport report = new StatusReport(NOW, Optional.empty(), List.of(
                certificate("a-very-long-certificate-name-that-will-not-fit.example.test", Optional.of(failed),
                        keyType(KeyType.RSA, Condition.VALID, Duration.ofDays(1825), far,
                                new OcspState(OcspState.Kind.GOOD, Optional.of(NOW.minus(Duration.ofDays(99))),
                                        Optional.empty()), 2, 2),
                        keyType(KeyType.ECDSA, Condition.VALID, Duration.ofDays(40), ari,
                                new OcspState(OcspState.Kind.REVOKED, Optional.of(NOW), Optional.empty()), 0, 0)),
                certificate("held.test", Optional.empty(),
                        keyType(KeyType.ECDSA, Condition.RENEWAL_DUE, Duration.ofDays(27), held,
                                new OcspState(OcspState.Kind.DISABLED, Optional.empty(), Optional.empty()), 0, 0))));

        String table = print(report, false);

        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
        List<String> lines = table.lines().toList();
        assertThat(lines.get(1)).startsWith("a-very-long-certific… +1 rsa").contains(" 1825d ",
                " in 12345d (lifetime) ", " good 99d ", " 2/2 ").endsWith(" FAILED 1825d");
        assertThat(lines.get(2)).startsWith("                         ecdsa").contains(" in 30h (ARI) ", " REVOKED ");
        assertThat(table).contains("    ecdsa: the CA suggests (ARI)\n", "    last run failed: the CA is unreachable\n");
        assertThat(table).contains("held.test +1", " held, 5h ", " off ", " never\n",
                "    ecdsa: expires in 27 days; the CA asked not to be asked before 2026-03-01 09:00 UTC\n");
    }

    @Test
    void givenColours_thenProblemRowsAreRedDueRowsYellowAndGoodRowsPlain() {
        NextRenewal later = new NextRenewal(NOW.plus(Duration.ofDays(50)), false, Basis.LIFETIME, "valid",
                Optional.empty(), Optional.empty(), Optional.empty());
        NextRenewal now = new NextRenewal(NOW, true, Basis.LIFETIME, "expires soon", Optional.empty(),
                Optional.empty(), Optional.empty());
        OcspState none = new OcspState(OcspState.Kind.NO_RESPONDER, Optional.empty(), Optional.empty());
        StatusReport report = new StatusReport(NOW, Optional.empty(), List.of(
                certificate("good.test", Optional.empty(), keyType(KeyType.RSA, Condition.VALID, Duration.ofDays(80),
                        later, none, 0, 0)),
                certificate("due.test", Optional.empty(), keyType(KeyType.RSA, Condition.RENEWAL_DUE,
                        Duration.ofDays(20), now, none, 0, 0)),
                certificate("gone.test", Optional.empty(), keyType(KeyType.RSA, Condition.EXPIRED,
                        Duration.ofDays(-2), now, none, 0, 0))));

        List<String> lines = print(report, true).lines().toList();

        assertThat(lines.get(1)).startsWith("good.test");
        assertThat(lines.get(2)).startsWith("\u001b[33mdue.test");
        assertThat(lines.get(4)).startsWith("\u001b[31mgone.test").contains(" -2d ");
    }
}
