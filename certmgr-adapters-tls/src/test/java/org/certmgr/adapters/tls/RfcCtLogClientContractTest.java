package org.certmgr.adapters.tls;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.testkit.contract.CtLogClientContract;
import org.certmgr.testkit.ct.TestCtLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The RFC 6962 client meets the port's contract, against two test logs on 127.0.0.1. */
class RfcCtLogClientContractTest extends CtLogClientContract {
    private TestCtLog log;
    private TestCtLog other;
    private List<X509Certificate> chain;

    @BeforeEach
    void start() throws Exception {
        log = TestCtLog.start();
        other = TestCtLog.start();
        chain = TestChain.leafAndIssuer();
    }

    @AfterEach
    void stop() {
        log.close();
        other.close();
    }

    @Override
    protected CtLogClient client() {
        return TlsAdapters.ctLogClient(Duration.ofSeconds(5));
    }

    @Override
    protected CtLogSpec log() {
        return new CtLogSpec("log", log.url(), log.logId(), Optional.of(log.publicKey()));
    }

    @Override
    protected CtLogSpec otherLog() {
        return new CtLogSpec("other", other.url(), other.logId(), Optional.of(other.publicKey()));
    }

    @Override
    protected List<X509Certificate> chain() {
        return chain;
    }

    @Override
    protected X509Certificate otherLeaf() throws Exception {
        return TestChain.leafAndIssuer().get(0);
    }
}
