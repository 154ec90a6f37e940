package org.certmgr.examples;

// tag::program[]
import java.net.URI;
import java.nio.file.Path;
import org.certmgr.adapters.acme.AcmeAdapters;
import org.certmgr.adapters.fs.FsAdapters;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.Certmgr;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;

/** Keeps a certificate for example.test and www.example.test up to date, as {@code certmgr update} would. */
public final class ManageOneCertificate {
    /**
     * Runs once, e.g. from cron.
     *
     * @param args the CA's directory URL, a PEM file of the CA that signed its HTTPS certificate, the data
     *             directory, the http-01 challenge directory with {fqdn} for the name
     * @throws Exception when the run could not start
     */
    public static void main(String[] args) throws Exception {
        RunReport report = update(URI.create(args[0]), Path.of(args[1]), Path.of(args[2]), args[3]);
        report.certificates().forEach(c -> System.out.println(c.name() + ": " + c.error().orElse("ok")));
        System.exit(report.anyFailed() ? 1 : 0);
    }

    static RunReport update(URI ca, Path caBundle, Path dataDir, String challengeDirs) throws Exception {
        CertificateSpec certificate = CertificateSpec.builder("example.test").altNames("www.example.test")
                .keys(new KeySpec.Rsa(2048), new KeySpec.Ec(EcCurve.SECP256R1)).build();
        Certmgr certmgr = Certmgr.builder()
                .configuration(Configuration.builder(ca.toString()).agreeToTerms("admin@example.test")
                        .certificate(certificate).build())
                .acme(AcmeAdapters.gateway(ca, AcmeAdapters.readTrustAnchors(caBundle)))
                .keyMaterial(AcmeAdapters.keyMaterial())
                .certificateStore(FsAdapters.certificateStore(dataDir))
                .accountStore(FsAdapters.accountStore(dataDir))
                .challengeResponder(FsAdapters.challengeDirectories(challengeDirs))
                .build();
        return certmgr.update(UpdateCommand.all());
    }
}
// end::program[]
