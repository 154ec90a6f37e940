package org.certmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.certmgr.domain.AccountSpec;
import org.certmgr.domain.AcmeTiming;
import org.certmgr.domain.CertificateName;
import org.certmgr.domain.CertificateSpec;
import org.certmgr.domain.Configuration;
import org.certmgr.domain.DnsName;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InstalledCertificate;
import org.certmgr.domain.KeySpec;
import org.certmgr.domain.KeyType;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.domain.Passphrase;
import org.certmgr.ports.in.CertificateOutcome;
import org.certmgr.ports.in.UpdateCommand;
import org.certmgr.ports.in.UpdateScope;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;
import org.certmgr.ports.out.MetricsWriter;
import org.certmgr.testkit.fakes.FakeAcmeGateway;
import org.certmgr.testkit.fakes.FakeKeyMaterial;
import org.certmgr.testkit.fakes.FakeOperator;
import org.certmgr.testkit.fakes.MutableClock;
import org.certmgr.testkit.memory.InMemoryAccountStore;
import org.certmgr.testkit.memory.InMemoryCertificateStore;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;
import org.certmgr.testkit.memory.InMemoryRenewalInfoStore;
import org.certmgr.testkit.memory.InMemorySettledStore;
import org.junit.jupiter.api.Test;

/**
 * A certificate found settled is decided about later without reading its files, exactly as the
 * full path would decide, and anything that could change the decision takes the full path.
 */
class SettledCertificatesTest {
    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final KeySpec EC = new KeySpec.Ec(EcCurve.SECP256R1);
    private static final CertificateName EXAMPLE = CertificateName.of("example.test");

    private final MutableClock clock = MutableClock.atSomeInstant();
    private final FakeAcmeGateway ca = new FakeAcmeGateway(clock);
    private final CountingKeyMaterial keys = new CountingKeyMaterial(new FakeKeyMaterial());
    private final InMemoryCertificateStore store = new InMemoryCertificateStore();
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();
    private final InMemoryRenewalInfoStore renewalInfo = new InMemoryRenewalInfoStore();
    private final InMemorySettledStore settled = new InMemorySettledStore();
    private final List<MetricsWriter.Snapshot> published = new java.util.ArrayList<>();

    private static CertificateSpec.Builder cert() {
        return CertificateSpec.builder("example.test").keys(RSA, EC);
    }

    private Certmgr certmgr(CertificateSpec spec) {
        Configuration config = new Configuration(new AccountSpec(Optional.empty(), Passphrase.NONE, true),
                FakeAcmeGateway.DIRECTORY_URL, AcmeTiming.DEFAULT, List.of(spec), Map.of());
        return Certmgr.builder().configuration(config).acme(ca).keyMaterial(keys).certificateStore(store)
                .accountStore(accounts).challengeResponder(new InMemoryChallengeResponder())
                .operator(new FakeOperator()).clock(clock).renewalInfoStore(renewalInfo).settledStore(settled)
                .metricsWriter(published::add).build();
    }

    private CertificateOutcome update(CertificateSpec spec) throws Exception {
        return certmgr(spec).update(UpdateCommand.all()).certificates().get(0);
    }

    /** Issues, then runs once with nothing due, which finds the certificate settled. */
    private CertificateOutcome settle(CertificateSpec spec) throws Exception {
        update(spec);
        CertificateOutcome full = update(spec);
        assertThat(settled.size()).as("remembered after a run with nothing to do").isEqualTo(1);
        keys.reads.set(0);
        return full;
    }

    @Test
    void givenASettledCertificate_thenTheNextRunDecidesTheSameWithoutReadingAFile() throws Exception {
        CertificateOutcome full = settle(cert().build());

        CertificateOutcome shortcut = update(cert().build());

        assertThat(keys.reads).as("certificates and keys read").hasValue(0);
        assertThat(shortcut.keyTypes()).isEqualTo(full.keyTypes());
        assertThat(shortcut.changed()).isFalse();
        assertThat(shortcut.failed()).isFalse();
    }

    @Test
    void givenASettledCertificate_thenItsMetricsComeWithoutReadingAFile_andEqualTheFullRead() throws Exception {
        settle(cert().build());

        update(cert().build());

        assertThat(keys.reads).as("certificates and keys read").hasValue(0);
        // status reads every file: the figures must say what it says.
        List<MetricsWriter.CertificateFigures> fromFiles = new java.util.ArrayList<>();
        certmgr(cert().build()).status(List.of()).certificates().forEach(c -> c.keyTypes().forEach(k ->
                fromFiles.add(new MetricsWriter.CertificateFigures(c.name(), k.keyType(), k.notAfter(),
                        Optional.of(k.nextRenewal().at())))));
        assertThat(keys.reads.get()).as("status read the files").isPositive();
        assertThat(published.get(published.size() - 1).certificates()).hasSize(2)
                .containsExactlyInAnyOrderElementsOf(fromFiles);
    }

    @Test
    void givenTimePassingTheRenewalPoint_thenTheRunRenews() throws Exception {
        settle(cert().build());
        int issued = ca.issuedCount();

        clock.advance(Duration.ofDays(75));
        CertificateOutcome outcome = update(cert().build());

        assertThat(outcome.keyTypes()).allSatisfy(k -> assertThat(k.renewed()).as(k.toString()).isTrue());
        assertThat(ca.issuedCount()).isEqualTo(issued + 2);
    }

    @Test
    void givenAChangedSpecification_thenTheFullPathDecides() throws Exception {
        settle(cert().build());
        int issued = ca.issuedCount();

        CertificateOutcome outcome = update(cert().keys(new KeySpec.Rsa(3072), EC).build());

        assertThat(ca.issuedCount()).isEqualTo(issued + 1);
        assertThat(outcome.keyTypes()).filteredOn(k -> k.keyType() == KeyType.RSA)
                .allSatisfy(k -> assertThat(k.renewed()).isTrue());
    }

    @Test
    void givenFilesChangedByAnotherCommit_thenTheRunReadsThemAgain() throws Exception {
        settle(cert().build());
        FileSet files = store.current(EXAMPLE).orElseThrow();
        store.commit(EXAMPLE, files.with(FileSet.of(Map.of("rsa/chain.pem", new byte[0]))), java.util.Set.of());

        CertificateOutcome outcome = update(cert().build());

        assertThat(keys.reads.get()).as("certificates and keys read").isPositive();
        assertThat(outcome.filesWritten()).as("the edited file put right").contains("rsa/chain.pem");
    }

    @Test
    void givenForceOrAnotherScope_thenTheFullPathRuns() throws Exception {
        settle(cert().build());

        certmgr(cert().build()).update(new UpdateCommand(List.of(), false, UpdateScope.OCSP, true));
        assertThat(keys.reads.get()).as("update --ocsp reads the certificates").isPositive();

        int issued = ca.issuedCount();
        certmgr(cert().build()).update(new UpdateCommand(List.of(), true, UpdateScope.ALL, true));
        assertThat(ca.issuedCount()).as("--force renews").isEqualTo(issued + 2);
    }

    @Test
    void givenEncryptedKeys_thenNothingIsRemembered() throws Exception {
        CertificateSpec spec = cert().keyPassphrase(new Passphrase.Fixed("correct horse")).build();

        update(spec);
        update(spec);

        assertThat(settled.size()).isZero();
    }

    /** Counts the reads of installed files: certificates decoded and keys opened. */
    private static final class CountingKeyMaterial implements KeyMaterial {
        private final KeyMaterial keys;
        private final AtomicInteger reads = new AtomicInteger();

        CountingKeyMaterial(KeyMaterial keys) {
            this.keys = keys;
        }

        @Override
        public KeyPair generate(KeySpec spec) {
            return keys.generate(spec);
        }

        @Override
        public byte[] createCsr(KeyPair key, List<DnsName> names, boolean mustStaple) {
            return keys.createCsr(key, names, mustStaple);
        }

        @Override
        public String encodePrivateKey(KeyPair key, Optional<char[]> passphrase) {
            return keys.encodePrivateKey(key, passphrase);
        }

        @Override
        public KeyPair decodePrivateKey(String pem, Optional<char[]> passphrase) throws KeyMaterialException {
            reads.incrementAndGet();
            return keys.decodePrivateKey(pem, passphrase);
        }

        @Override
        public boolean isEncrypted(String pem) {
            return keys.isEncrypted(pem);
        }

        @Override
        public String encodeCertificates(List<X509Certificate> certificates) {
            return keys.encodeCertificates(certificates);
        }

        @Override
        public List<X509Certificate> decodeCertificates(String pem) throws KeyMaterialException {
            reads.incrementAndGet();
            return keys.decodeCertificates(pem);
        }

        @Override
        public String parameters(ParamsSpec spec) throws KeyMaterialException {
            return keys.parameters(spec);
        }

        @Override
        public boolean parametersMatch(String pem, ParamsSpec spec) {
            return keys.parametersMatch(pem, spec);
        }

        @Override
        public InstalledCertificate describe(KeyType type, X509Certificate certificate, KeyPair key) {
            return keys.describe(type, certificate, key);
        }
    }
}
