package org.certmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.Passphrase;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.StoredAccount;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.FakeOperator;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.fakes.RecordingHookRunner;
import org.certmgr.testkit.fakes.RecordingServiceReloader;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryCertificateStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle beyond issuing: the complete file set, parameters, key protection changes,
 * file hooks and service reloads, through the public facade with the testkit's fakes.
 */
class CertmgrLifecycleTest {
    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final KeySpec EC = new KeySpec.Ec(EcCurve.SECP256R1);
    private static final CertificateName EXAMPLE = CertificateName.of("example.test");

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final FakeKeyMaterial keys = new FakeKeyMaterial();
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final FakeOperator operator = new FakeOperator();
    private final RecordingHookRunner hooks = new RecordingHookRunner();
    private final RecordingServiceReloader services = new RecordingServiceReloader();
    private Map<KeyType, String> roots = Map.of();

    private static CertificateSpec.Builder cert(String name) {
        return CertificateSpec.builder(name).keys(RSA, EC);
    }

    private Certmgr certmgr(CertificateSpec... certs) {
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(certs),
                Map.of("nginx", "systemctl reload nginx", "postfix", "systemctl reload postfix"));
        return Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder()).operator(operator)
                .clock(clock).hooks(hooks).services(services).rootCertificates(roots).build();
    }

    private FileSet installed() throws Exception {
        return store.current(EXAMPLE).orElseThrow();
    }

    private String text(String path) throws Exception {
        return installed().text(path).orElseThrow();
    }

    @Test
    void givenANewCertificate_thenEveryFileOfTheSpecIsInstalledInTheDocumentedOrder() throws Exception {
        roots = Map.of(KeyType.RSA, keys.encodeCertificates(List.of(ca.root())));

        certmgr(cert("example.test").build()).update(UpdateCommand.all());

        assertThat(installed().paths()).containsExactly("ecdsa/cert.pem", "ecdsa/chain.pem", "ecdsa/keys/key+cert.pem",
                "ecdsa/keys/key.pem", "params.pem", "rsa/cert+root.pem", "rsa/cert.pem", "rsa/chain.pem",
                "rsa/keys/key+cert.pem", "rsa/keys/key.pem");
        String params = text("params.pem");
        String chain = text("rsa/chain.pem");
        String cert = text("rsa/cert.pem");
        assertThat(params).contains("DH PARAMETERS").contains("EC PARAMETERS");
        assertThat(cert).endsWith(chain + params);
        assertThat(keys.decodeCertificates(cert)).hasSize(2);
        assertThat(text("rsa/cert+root.pem")).isEqualTo(cert.substring(0, cert.length() - params.length())
                + roots.get(KeyType.RSA) + params);
        assertThat(text("rsa/keys/key+cert.pem")).isEqualTo(text("rsa/keys/key.pem") + cert);
    }

    @Test
    void givenNoParameters_thenNoParamsFileAndCertificatesWithoutThem() throws Exception {
        certmgr(cert("example.test").dhparamSize(0).ecparamCurve(Optional.empty()).build()).update(UpdateCommand.all());

        assertThat(installed().paths()).doesNotContain("params.pem");
        assertThat(text("rsa/cert.pem")).doesNotContain("PARAMETERS");
    }

    @Test
    void givenChangedParameterSettings_thenOnlyParameterFilesChangeAndNoCertificateIsIssued() throws Exception {
        certmgr(cert("example.test").build()).update(UpdateCommand.all());
        String key = text("rsa/keys/key.pem");
        int issued = ca.issuedCount();

        RunReport report = certmgr(cert("example.test").dhparamSize(3072).build()).update(UpdateCommand.all());

        CertificateOutcome outcome = report.certificates().get(0);
        assertThat(ca.issuedCount()).isEqualTo(issued);
        assertThat(outcome.keyTypes()).noneMatch(k -> k.renewed());
        assertThat(outcome.actions()).anySatisfy(a -> assertThat(a).contains("params.pem"));
        assertThat(outcome.filesWritten()).contains("params.pem", "rsa/cert.pem", "rsa/keys/key+cert.pem")
                .doesNotContain("rsa/keys/key.pem", "rsa/chain.pem");
        assertThat(text("rsa/keys/key.pem")).isEqualTo(key);
        assertThat(keys.parametersMatch(text("params.pem"), cert("x.test").dhparamSize(3072).build().params())).isTrue();
    }

    @Test
    void givenUnchangedSettings_thenParametersAreKeptAndForceRegeneratesThem() throws Exception {
        CertificateSpec spec = cert("example.test").dhparamGenerate(true).build();
        certmgr(spec).update(UpdateCommand.all());
        String params = text("params.pem");

        certmgr(spec).update(UpdateCommand.all());
        assertThat(text("params.pem")).isEqualTo(params);

        certmgr(spec).update(new UpdateCommand(List.of(), true));
        assertThat(text("params.pem")).isNotEqualTo(params);
    }

    @Test
    void givenAPassphraseConfiguredForClearKeys_thenTheKeysAreEncryptedWithoutANewCertificate() throws Exception {
        certmgr(cert("example.test").build()).update(UpdateCommand.all());
        String certPem = text("rsa/cert.pem");
        int issued = ca.issuedCount();

        RunReport report = certmgr(cert("example.test").keyPassphrase(new Passphrase.Fixed("s3cret")).build())
                .update(UpdateCommand.all());

        assertThat(report.anyFailed()).isFalse();
        assertThat(ca.issuedCount()).isEqualTo(issued);
        assertThat(text("rsa/cert.pem")).isEqualTo(certPem);
        assertThat(keys.isEncrypted(text("rsa/keys/key.pem"))).isTrue();
        assertThat(keys.isEncrypted(text("ecdsa/keys/key.pem"))).isTrue();
        assertThat(text("rsa/keys/key+cert.pem")).startsWith(text("rsa/keys/key.pem"));
        keys.decodePrivateKey(text("rsa/keys/key.pem"), Optional.of("s3cret".toCharArray()));
        assertThat(report.certificates().get(0).actions()).hasSize(2);

        // and back to clear keys, once the old passphrase is at hand
        certmgr(cert("example.test").build()).update(UpdateCommand.all());
        assertThat(keys.isEncrypted(text("rsa/keys/key.pem"))).isTrue();
        operator.knowsPassphrase("example.test", "s3cret");
        report = certmgr(cert("example.test").build()).update(UpdateCommand.all());
        assertThat(report.anyFailed()).isFalse();
        assertThat(keys.isEncrypted(text("rsa/keys/key.pem"))).isFalse();
        assertThat(ca.issuedCount()).isEqualTo(issued);
    }

    @Test
    void givenAChangedPassphraseAndNoOldOne_thenTheCertificateFailsAndNothingIsOverwritten() throws Exception {
        certmgr(cert("example.test").keyPassphrase(new Passphrase.Fixed("pw-before")).build()).update(UpdateCommand.all());
        FileSet before = installed();

        RunReport report = certmgr(cert("example.test").keyPassphrase(new Passphrase.Fixed("pw-after")).build())
                .update(UpdateCommand.all());

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.certificates().get(0).error()).hasValueSatisfying(e -> assertThat(e)
                .contains("does not decrypt").contains("nothing was changed").doesNotContain("pw-"));
        assertThat(installed()).isEqualTo(before);

        operator.knowsPassphrase("example.test", "pw-before");
        report = certmgr(cert("example.test").keyPassphrase(new Passphrase.Fixed("pw-after")).build()).update(UpdateCommand.all());
        assertThat(report.anyFailed()).isFalse();
        keys.decodePrivateKey(text("ecdsa/keys/key.pem"), Optional.of("pw-after".toCharArray()));
    }

    @Test
    void givenAWrongRunTimePassphrase_thenAnErrorUnlessForcedWhichReplacesTheKeys() throws Exception {
        operator.knowsPassphrase("example.test", "right");
        CertificateSpec spec = cert("example.test").keyPassphrase(new Passphrase.AskAtRunTime()).build();
        certmgr(spec).update(UpdateCommand.all());
        FileSet before = installed();

        FakeOperator wrong = new FakeOperator().knowsPassphrase("example.test", "wrong");
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(spec), Map.of());
        Certmgr withWrong = Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder()).operator(wrong)
                .clock(clock).build();

        assertThat(withWrong.update(UpdateCommand.all()).anyFailed()).isTrue();
        assertThat(installed()).isEqualTo(before);

        RunReport forced = withWrong.update(new UpdateCommand(List.of(), true));
        assertThat(forced.anyFailed()).isFalse();
        keys.decodePrivateKey(text("rsa/keys/key.pem"), Optional.of("wrong".toCharArray()));
    }

    @Test
    void givenARunTimePassphraseNobodyGives_thenTheCertificateFailsBeforeAnythingIsIssued() throws Exception {
        RunReport report = certmgr(cert("example.test").keyPassphrase(new Passphrase.AskAtRunTime()).build()).update(UpdateCommand.all());

        assertThat(report.anyFailed()).isTrue();
        assertThat(report.certificates().get(0).error()).hasValueSatisfying(e -> assertThat(e).contains("none was given"));
        assertThat(store.current(EXAMPLE)).isEmpty();
    }

    @Test
    void givenAKeyTypeRemoved_thenItsFilesAreArchivedAndTheServicesReloaded() throws Exception {
        certmgr(cert("example.test").services("nginx").build()).update(UpdateCommand.all());
        services.clear();

        RunReport report = certmgr(cert("example.test").keys(RSA).services("nginx").build()).update(UpdateCommand.all());

        assertThat(installed().paths()).noneMatch(p -> p.startsWith("ecdsa/"));
        assertThat(report.certificates().get(0).filesRemoved()).contains("ecdsa/cert.pem", "ecdsa/keys/key.pem");
        assertThat(store.archived(EXAMPLE).get(store.archived(EXAMPLE).size() - 1).paths()).contains("ecdsa/keys/key.pem");
        assertThat(services.reloaded()).containsExactly("nginx");
    }

    @Test
    void givenInstalledFiles_thenEachFileHookRunsOnceWithItsFieldsAfterTheCommit() throws Exception {
        certmgr(cert("example.test").keyPassphrase(new Passphrase.Fixed("pw")).build()).update(UpdateCommand.all());

        List<RecordingHookRunner.Call> keyCalls = hooks.calls(HookEvent.PRIVATE_KEY_INSTALLED);
        assertThat(keyCalls).hasSize(2).allSatisfy(c -> {
            assertThat(c.hadPassphrase()).isTrue();
            assertThat(c.fields()).containsKeys("key_name", "key_type", "private_key_file");
        });
        assertThat(hooks.calls(HookEvent.CERTIFICATE_INSTALLED)).hasSize(2).allSatisfy(c -> {
            assertThat(c.hadPassphrase()).isFalse();
            assertThat(c.fields()).containsEntry("certificate_name", "example.test")
                    .containsEntry("certificate_file", store.location(EXAMPLE, c.fields().get("key_type") + "/cert.pem"));
        });
        assertThat(hooks.calls(HookEvent.CHAIN_INSTALLED)).hasSize(2);
        assertThat(hooks.calls(HookEvent.FULL_KEY_INSTALLED)).hasSize(2);
        assertThat(hooks.calls(HookEvent.PARAMS_INSTALLED)).singleElement()
                .satisfies(c -> assertThat(c.fields()).containsOnlyKeys("key_name", "certificate_name", "params_file"));
        assertThat(hooks.calls(HookEvent.FULL_CERTIFICATE_INSTALLED)).isEmpty();
        assertThat(hooks.calls().get(0).event()).isEqualTo(HookEvent.PRIVATE_KEY_INSTALLED);
        assertThat(hooks.calls(HookEvent.CERTIFICATES_UPDATED)).singleElement()
                .satisfies(c -> assertThat(c.fields()).containsEntry("certificate_names", "example.test"));
        assertThat(hooks.calls().get(hooks.calls().size() - 1).event()).isEqualTo(HookEvent.CERTIFICATES_UPDATED);

        hooks.clear();
        certmgr(cert("example.test").keyPassphrase(new Passphrase.Fixed("pw")).build()).update(UpdateCommand.all());
        assertThat(hooks.calls()).isEmpty();
    }

    @Test
    void givenAFailingHook_thenItIsAWarningAndTheCertificateIsInstalled() throws Exception {
        hooks.failing(HookEvent.CERTIFICATE_INSTALLED).failing(HookEvent.CERTIFICATES_UPDATED);

        RunReport report = certmgr(cert("example.test").build()).update(UpdateCommand.all());

        assertThat(report.anyFailed()).isFalse();
        assertThat(report.certificates().get(0).warnings()).hasSize(2)
                .allSatisfy(w -> assertThat(w).contains("certificate_installed"));
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w).contains("certificates_updated"));
        assertThat(store.current(EXAMPLE)).isPresent();
    }

    @Test
    void givenSeveralChangedCertificatesSharingAService_thenEachServiceIsReloadedOnce() throws Exception {
        CertificateSpec a = cert("a.example.test").services("nginx").build();
        CertificateSpec b = cert("b.example.test").services("nginx", "postfix").build();
        CertificateSpec c = cert("c.example.test").build();

        RunReport report = certmgr(a, b, c).update(UpdateCommand.all());

        assertThat(services.reloaded()).containsExactly("nginx", "postfix");
        assertThat(report.servicesReloaded()).containsExactly("nginx", "postfix");

        services.clear();
        assertThat(certmgr(a, b, c).update(UpdateCommand.all()).servicesReloaded()).isEmpty();
        assertThat(services.reloaded()).isEmpty();
    }

    @Test
    void givenAServiceThatFailsToReload_thenARunWarningAndTheOthersStillReload() throws Exception {
        services.failing("nginx");

        RunReport report = certmgr(cert("example.test").services("nginx", "postfix").build()).update(UpdateCommand.all());

        assertThat(services.reloaded()).containsExactly("nginx", "postfix");
        assertThat(report.servicesReloaded()).containsExactly("postfix");
        assertThat(report.warnings()).singleElement().satisfies(w -> assertThat(w).contains("nginx"));
        assertThat(report.anyFailed()).isFalse();
    }

    @Test
    void givenOneCertificateFailing_thenTheOthersAreInstalledAndReloadedAndTheFailureReported() throws Exception {
        ca.failValidation(org.certmgr.domain.DnsName.of("bad.example.test"));
        CertificateSpec good = cert("good.example.test").services("nginx").build();
        CertificateSpec bad = cert("bad.example.test").services("postfix").build();

        RunReport report = certmgr(bad, good).update(UpdateCommand.all());

        assertThat(report.certificates().get(0).failed()).isTrue();
        assertThat(report.certificates().get(1).changed()).isTrue();
        assertThat(services.reloaded()).containsExactly("nginx");
    }

    @Test
    void givenAnAccountOfAnotherCaDirectory_thenANewAccountIsRegisteredAndTheOldOneArchived() throws Exception {
        certmgr(cert("example.test").build()).update(UpdateCommand.all());
        StoredAccount current = accounts.load().orElseThrow();
        StoredAccount staging = new StoredAccount(current.privateKeyPem(), new AccountRegistration(
                current.registration().accountUrl(), "https://staging.ca.test/directory", Optional.empty()));
        InMemoryAccountStore stagingAccounts = new InMemoryAccountStore(staging);
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(cert("example.test").build()), Map.of());
        Certmgr production = Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(stagingAccounts).challengeResponder(new InMemoryChallengeResponder()).clock(clock).build();
        int registrations = ca.registrations().size();

        RunReport report = production.update(new UpdateCommand(List.of(), true));

        assertThat(report.anyFailed()).isFalse();
        assertThat(ca.registrations()).hasSize(registrations + 1);
        assertThat(stagingAccounts.load().orElseThrow().registration().directoryUrl())
                .isEqualTo(FakeAcmeGateway.DIRECTORY_URL);
        assertThat(stagingAccounts.replaced()).containsExactly(staging);
    }
}
