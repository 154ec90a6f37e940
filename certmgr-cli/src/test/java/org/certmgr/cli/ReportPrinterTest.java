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
                    List.of("rsa/cert.pem"), List.of("data/www.a.test is a real folder"), Optional.empty()),
            new CertificateOutcome(CertificateName.of("b.test"), List.of(), List.of(), List.of(),
                    Optional.of("cannot reach the ACME server"))));

    private static String[] print(Verbosity verbosity) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        new ReportPrinter(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                verbosity).print(REPORT);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void givenNormalOutput_thenOneLinePerChangeOnStdoutAndWarningsAndFailuresOnStderr() {
        String[] printed = print(Verbosity.NORMAL);
        assertThat(printed[0].lines()).containsExactly("a.test: installed a new rsa certificate (expires in 3 days)");
        assertThat(printed[1].lines()).containsExactly("certmgr: a.test: warning: data/www.a.test is a real folder",
                "certmgr: b.test: failed: cannot reach the ACME server");
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
                "a.test:   wrote rsa/cert.pem");
    }
}
