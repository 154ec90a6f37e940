package org.certmgr.adapters.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.CtLogException;
import org.certmgr.testkit.ct.TestCtLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The RFC 6962 client against a test log on 127.0.0.1 that signs real SCTs with its own EC key. */
class RfcCtLogClientTest {
    private final CtLogClient client = TlsAdapters.ctLogClient(Duration.ofMillis(1500));
    private TestCtLog log;
    private CtLogSpec spec;
    private List<X509Certificate> chain;

    @BeforeEach
    void start() throws Exception {
        log = TestCtLog.start();
        spec = new CtLogSpec("test", log.url(), log.logId(), Optional.of(log.publicKey()));
        chain = TestChain.leafAndIssuer();
    }

    @AfterEach
    void stop() {
        log.close();
    }

    @Test
    void givenAValidSct_thenItIsReturnedInTheRfc6962BinaryLayout() throws Exception {
        Instant before = Instant.now();

        byte[] sct = client.submit(spec, chain);

        ByteBuffer in = ByteBuffer.wrap(sct);
        assertThat(in.get()).as("version v1").isEqualTo((byte) 0);
        byte[] id = new byte[32];
        in.get(id);
        assertThat(Base64.getEncoder().encodeToString(id)).isEqualTo(log.logId());
        long timestamp = in.getLong();
        assertThat(Instant.ofEpochMilli(timestamp)).isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        assertThat(in.getShort()).as("extensions length").isEqualTo((short) 0);
        assertThat(in.get()).as("hash sha256").isEqualTo((byte) 4);
        assertThat(in.get()).as("signature ecdsa").isEqualTo((byte) 3);
        int length = in.getShort() & 0xffff;
        assertThat(in.remaining()).isEqualTo(length);
        assertThat(sct[1 + 32 + 8 + 2 + 2 + 2]).as("a DER ECDSA signature is a SEQUENCE").isEqualTo((byte) 0x30);
        assertThat(sct).hasSize(1 + 32 + 8 + 2 + 4 + length);
        client.verify(spec, sct, chain.get(0));
    }

    @Test
    void givenNoConfiguredKey_thenOnlyTheLogIdIsChecked() throws Exception {
        CtLogSpec withoutKey = new CtLogSpec("test", log.url(), log.logId(), Optional.empty());

        assertThat(client.submit(withoutKey, chain)).isNotEmpty();
        log.behave(TestCtLog.Behaviour.BAD_SIGNATURE);
        assertThat(client.submit(withoutKey, chain)).isNotEmpty();
    }

    @Test
    void givenAnSctForAnotherCertificate_thenVerifyRefusesIt() throws Exception {
        byte[] sct = client.submit(spec, chain);

        assertThatThrownBy(() -> client.verify(spec, sct, TestChain.leafAndIssuer().get(0)))
                .isInstanceOf(CtLogException.class).hasMessageContaining("signature does not verify");
        sct[20] ^= 1;
        assertThatThrownBy(() -> client.verify(spec, sct, chain.get(0)))
                .isInstanceOf(CtLogException.class).hasMessageContaining("log id");
    }

    @Test
    void givenAWrongLogId_thenTheSctIsRefused() {
        log.behave(TestCtLog.Behaviour.WRONG_LOG_ID);

        assertThatThrownBy(() -> client.submit(spec, chain)).isInstanceOf(CtLogException.class)
                .hasMessageContaining("log id is not the configured id of test");
    }

    @Test
    void givenABadSignature_thenTheSctIsRefused() {
        log.behave(TestCtLog.Behaviour.BAD_SIGNATURE);

        assertThatThrownBy(() -> client.submit(spec, chain)).isInstanceOf(CtLogException.class)
                .hasMessageContaining("signature does not verify");
    }

    @Test
    void givenAServerError_thenTheSubmissionFails() {
        log.behave(TestCtLog.Behaviour.SERVER_ERROR);

        assertThatThrownBy(() -> client.submit(spec, chain)).isInstanceOf(CtLogException.class)
                .hasMessageContaining("HTTP 503");
    }

    @Test
    void givenGarbage_thenTheSubmissionFails() {
        log.behave(TestCtLog.Behaviour.GARBAGE);

        assertThatThrownBy(() -> client.submit(spec, chain)).isInstanceOf(CtLogException.class)
                .hasMessageContaining("not an add-chain answer");
    }

    @Test
    void givenASlowLog_thenTheSubmissionTimesOut() {
        log.behave(TestCtLog.Behaviour.SLOW);

        assertThatThrownBy(() -> client.submit(spec, chain)).isInstanceOf(CtLogException.class)
                .hasMessageContaining("no answer within 1500 ms");
    }

    @Test
    void givenAConfiguredKeyThatDoesNotMatchTheId_thenNothingIsAccepted() throws Exception {
        byte[] sct = client.submit(spec, chain);
        String otherKey;
        try (TestCtLog other = TestCtLog.start()) {
            otherKey = other.publicKey();
        }
        CtLogSpec mismatched = new CtLogSpec("test", log.url(), log.logId(), Optional.of(otherKey));

        assertThatThrownBy(() -> client.verify(mismatched, sct, chain.get(0))).isInstanceOf(CtLogException.class)
                .hasMessageContaining("does not match its id");
    }
}
