package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.Passphrase;
import org.certmgr.domain.RevocationReason;
import org.certmgr.ports.Certmgr;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.RunReport;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.out.AccountRegistration;
import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.AcmeSession;
import org.certmgr.ports.out.CaDirectory;
import org.certmgr.ports.out.CaException;
import org.certmgr.ports.out.CertificateStore;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.IssuedChain;
import org.certmgr.ports.out.OrderRequest;
import org.certmgr.ports.out.RenewalInfo;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.fakes.RecordingHookRunner;
import org.certmgr.testkit.fakes.RecordingServiceReloader;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twenty certificates processed eight at a time into the real generation store: each is
 * installed once, every file hook runs once per written file with that file's fields, each
 * service is reloaded once, and the CA's work for a certificate runs on a thread named after it.
 */
class ParallelUpdateTest {
    private static final int CERTIFICATES = 20;
    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final KeySpec EC = new KeySpec.Ec(EcCurve.SECP256R1);

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final ThreadRecordingGateway gateway = new ThreadRecordingGateway(ca);
    private final RecordingHookRunner hooks = new RecordingHookRunner();
    private final RecordingServiceReloader services = new RecordingServiceReloader();

    private Certmgr certmgr(CertificateStore store, List<CertificateSpec> certs) {
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, certs,
                Map.of("nginx", "systemctl reload nginx", "postfix", "systemctl reload postfix"));
        return Certmgr.builder().configuration(config).acme(gateway).keyMaterial(new FakeKeyMaterial())
                .certificateStore(store).accountStore(new InMemoryAccountStore())
                .challengeResponder(new InMemoryChallengeResponder()).hooks(hooks).services(services)
                .clock(clock).parallelism(8).build();
    }

    private static List<CertificateSpec> certificates() {
        List<CertificateSpec> certs = new ArrayList<>();
        for (int i = 1; i <= CERTIFICATES; i++) {
            String name = "c" + i + ".example.test";
            // Every certificate names nginx, every other one postfix too.
            String[] used = i % 2 == 0 ? new String[] {"nginx", "postfix"} : new String[] {"nginx"};
            certs.add(CertificateSpec.builder(name).altNames(name, "www." + name).keys(RSA, EC).services(used)
                    .build());
        }
        return certs;
    }

    @Test
    void givenTwentyCertificatesEightAtATime_thenEachIsInstalledOnceWithItsHooks_andServicesReloadOnce()
            throws Exception {
        Path data = dir.resolve("data");
        CertificateStore store = FsAdapters.certificateStore(data, FileOwnership.CURRENT_USER, clock);
        List<CertificateSpec> certs = certificates();

        RunReport report = certmgr(store, certs).update(UpdateCommand.all());

        assertThat(report.certificates()).extracting(CertificateOutcome::error).allMatch(Optional::isEmpty);
        assertThat(report.certificates()).extracting(c -> c.name().toString())
                .containsExactlyElementsOf(certs.stream().map(c -> c.name().toString()).toList());
        assertThat(ca.issuedCount()).isEqualTo(2 * CERTIFICATES);
        for (CertificateOutcome outcome : report.certificates()) {
            CertificateName name = outcome.name();
            // Installed once: one generation, nothing archived.
            assertThat(store.current(name)).isPresent();
            assertThat(archives(data, name)).isEmpty();
            // One hook call per written file that has a hook, carrying this certificate and this file.
            List<RecordingHookRunner.Call> own = hooks.calls().stream()
                    .filter(c -> name.toString().equals(c.fields().get("key_name"))).toList();
            // Every file this configuration writes has a hook (params, keys, certificates, chains, key+cert).
            List<String> hooked = outcome.filesWritten();
            assertThat(own).hasSize(hooked.size());
            for (RecordingHookRunner.Call call : own) {
                String file = call.fields().entrySet().stream().filter(e -> e.getKey().endsWith("_file"))
                        .map(Map.Entry::getValue).findFirst().orElseThrow();
                assertThat(file).startsWith(data.resolve(name.toString()).toString() + "/");
                assertThat(Files.exists(Path.of(file))).as(file).isTrue();
                if (call.event() != HookEvent.PRIVATE_KEY_INSTALLED) {
                    assertThat(call.fields()).containsEntry("certificate_name", name.toString());
                }
            }
            assertThat(own.stream().map(c -> c.fields().entrySet().stream()
                    .filter(e -> e.getKey().endsWith("_file")).findFirst().orElseThrow().getValue()))
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(hooked.stream()
                            .map(f -> store.location(name, f)).toList());
        }
        assertThat(hooks.calls(HookEvent.CERTIFICATES_UPDATED)).singleElement()
                .extracting(c -> Set.of(c.fields().get("certificate_names").split(" ")))
                .isEqualTo(Set.copyOf(certs.stream().map(c -> c.name().toString()).toList()));
        assertThat(services.reloaded()).containsExactly("nginx", "postfix");
        // The CA's work for each key type ran on a thread named after its certificate and key type.
        assertThat(gateway.issuingThreads()).containsExactlyInAnyOrderElementsOf(certs.stream()
                .flatMap(c -> Stream.of(c.name() + " rsa", c.name() + " ecdsa")).toList());
    }

    @Test
    void givenTwentyInstalledCertificates_whenRunAgainInParallel_thenNothingIsWrittenAndNoHookRuns() throws Exception {
        Path data = dir.resolve("data");
        CertificateStore store = FsAdapters.certificateStore(data, FileOwnership.CURRENT_USER, clock);
        List<CertificateSpec> certs = certificates();
        Certmgr certmgr = certmgr(store, certs);
        certmgr.update(UpdateCommand.all());
        hooks.clear();
        services.clear();
        int requests = ca.requestCount();

        RunReport again = certmgr.update(UpdateCommand.all());

        assertThat(again.certificates()).allMatch(c -> !c.changed() && c.error().isEmpty());
        assertThat(hooks.calls()).isEmpty();
        assertThat(services.reloaded()).isEmpty();
        assertThat(ca.requestCount()).isEqualTo(requests);
        for (CertificateSpec spec : certs) {
            assertThat(archives(data, spec.name())).isEmpty();
        }
    }

    private static List<Path> archives(Path data, CertificateName name) throws Exception {
        Path archive = data.resolve("archives").resolve(name.toString());
        if (!Files.isDirectory(archive)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(archive)) {
            return entries.toList();
        }
    }

    /** Passes everything to the fake CA and notes the thread each certificate is issued on. */
    private static final class ThreadRecordingGateway implements AcmeGateway {
        private final AcmeGateway ca;
        private final Set<String> issuingThreads = ConcurrentHashMap.newKeySet();

        ThreadRecordingGateway(AcmeGateway ca) {
            this.ca = ca;
        }

        Set<String> issuingThreads() {
            return Set.copyOf(issuingThreads);
        }

        @Override
        public CaDirectory directory() throws CaException {
            return ca.directory();
        }

        @Override
        public AccountRegistration register(KeyPair accountKey, Optional<String> email, boolean agreeToTerms)
                throws CaException {
            return ca.register(accountKey, email, agreeToTerms);
        }

        @Override
        public AcmeSession login(KeyPair accountKey, AccountRegistration registration) throws CaException {
            AcmeSession session = ca.login(accountKey, registration);
            return new AcmeSession() {
                @Override
                public IssuedChain issue(OrderRequest request, ChallengeResponder responder)
                        throws CaException, InterruptedException {
                    issuingThreads.add(Thread.currentThread().getName());
                    return session.issue(request, responder);
                }

                @Override
                public void authorize(List<DnsName> names, ChallengeResponder responder, AcmeTiming timing)
                        throws CaException, InterruptedException {
                    session.authorize(names, responder, timing);
                }

                @Override
                public void revoke(java.security.cert.X509Certificate certificate, RevocationReason reason)
                        throws CaException {
                    session.revoke(certificate, reason);
                }

                @Override
                public Optional<RenewalInfo> renewalInfo(java.security.cert.X509Certificate certificate, Instant now)
                        throws CaException {
                    return session.renewalInfo(certificate, now);
                }

                @Override
                public void changeAccountKey(KeyPair newKey) throws CaException {
                    session.changeAccountKey(newKey);
                }
            };
        }
    }
}
