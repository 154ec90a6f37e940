package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.KeyTypeOutcome;
import org.certmgr.ports.in.RunReport;
import org.junit.jupiter.api.Test;

class ReportPrinterTest {
    private static final RunReport REPORT = new RunReport(List.of(
            new CertificateOutcome(CertificateName.of("a.test"),
                    List.of(new KeyTypeOutcome(KeyType.RSA, true, "expires in 3 days"),
                            new KeyTypeOutcome(KeyType.ECDSA, false, "valid for 80 days")),
                    List.of("rsa/cert.pem"), List.of(), List.of("data/www.a.test is a real folder"), Optional.empty(),
                    List.of("encrypted the ecdsa key with the configured passphrase"),
                    List.of("deleted archive archives/a.test/2026_01_01_000000")),
            new CertificateOutcome(CertificateName.of("b.test"), List.of(), List.of(), List.of(),
                    Optional.of("cannot reach the ACME server"))),
            List.of("nginx"), List.of("service postfix was not reloaded: exited with status 1"));

    private static String[] print(Verbosity verbosity, boolean color) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new ReportPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                verbosity, color, RunLog.NONE).print(REPORT);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    private static String[] print(Verbosity verbosity) {
        return print(verbosity, false);
    }

    @Test
    void givenColours_thenChangesGreenWarningsYellowFailuresRed() {
        String[] printed = print(Verbosity.NORMAL, true);
        assertThat(printed[0]).contains("\u001b[32ma.test: installed a new rsa certificate");
        assertThat(printed[1]).contains("\u001b[33mcertmgr: a.test: warning:").contains("\u001b[31mcertmgr: b.test: failed:");
    }

    @Test
    void givenALog_thenEveryLineIsMirroredAtItsLevel() {
        List<String> logged = new java.util.ArrayList<>();
        RunLog log = new RunLog() {
            @Override
            public void info(String line) {
                logged.add("INFO " + line);
            }

            @Override
            public void debug(String line) {
                logged.add("DEBUG " + line);
            }

            @Override
            public void warn(String line) {
                logged.add("WARN " + line);
            }

            @Override
            public void error(String line) {
                logged.add("ERROR " + line);
            }
        };
        new ReportPrinter(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Verbosity.QUIET, false, log)
                .print(REPORT);
        assertThat(logged).contains("INFO a.test: installed a new rsa certificate (expires in 3 days)",
                "DEBUG a.test: ecdsa certificate kept: valid for 80 days", "ERROR b.test: failed: cannot reach the ACME server",
                "INFO reloaded service nginx", "WARN warning: service postfix was not reloaded: exited with status 1");
    }

    @Test
    void givenNormalOutput_thenOneLinePerChangeOnStdoutAndWarningsAndFailuresOnStderr() {
        String[] printed = print(Verbosity.NORMAL);
        assertThat(printed[0].lines()).containsExactly("a.test: installed a new rsa certificate (expires in 3 days)",
                "a.test: encrypted the ecdsa key with the configured passphrase", "reloaded service nginx");
        assertThat(printed[1].lines()).containsExactly("certmgr: a.test: warning: data/www.a.test is a real folder",
                "certmgr: b.test: failed: cannot reach the ACME server",
                "certmgr: warning: service postfix was not reloaded: exited with status 1");
    }

    @Test
    void givenQuiet_thenStdoutIsEmptyButProblemsStillShow() {
        String[] printed = print(Verbosity.QUIET);
        assertThat(printed[0]).isEmpty();
        assertThat(printed[1]).contains("b.test: failed");
    }

    @Test
    void givenVerbose_thenKeptCertificatesAndWrittenFilesAreNamed() {
        assertThat(print(Verbosity.VERBOSE)[0]).contains("a.test: ecdsa certificate kept: valid for 80 days",
                "a.test:   wrote rsa/cert.pem", "a.test: deleted archive archives/a.test/2026_01_01_000000");
        assertThat(print(Verbosity.NORMAL)[0]).doesNotContain("deleted archive");
    }
}
