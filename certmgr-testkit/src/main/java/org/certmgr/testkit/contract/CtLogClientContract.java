package org.certmgr.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.CtLogException;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CtLogClient}: extend it with a test class for your adapter, giving it
 * a log that issues valid SCTs (with its key configured), another log, and certificates.
 */
public abstract class CtLogClientContract {
    /**
     * Returns the client under test.
     *
     * @return the client
     * @throws Exception when it cannot be created
     */
    protected abstract CtLogClient client() throws Exception;

    /**
     * Returns a log that answers submissions with valid SCTs, with its public key configured.
     *
     * @return the log
     * @throws Exception when it cannot be set up
     */
    protected abstract CtLogSpec log() throws Exception;

    /**
     * Returns another log, with another ID.
     *
     * @return the log
     * @throws Exception when it cannot be set up
     */
    protected abstract CtLogSpec otherLog() throws Exception;

    /**
     * Returns a chain to submit.
     *
     * @return the leaf first, then its issuer
     * @throws Exception when it cannot be made
     */
    protected abstract List<X509Certificate> chain() throws Exception;

    /**
     * Returns a certificate other than the chain's leaf.
     *
     * @return the certificate
     * @throws Exception when it cannot be made
     */
    protected abstract X509Certificate otherLeaf() throws Exception;

    @Test
    void givenASubmission_thenTheSctVerifiesForTheSameLogAndLeaf() throws Exception {
        CtLogClient client = client();
        List<X509Certificate> chain = chain();

        byte[] sct = client.submit(log(), chain);

        assertThat(sct).isNotEmpty();
        client.verify(log(), sct, chain.get(0));
    }

    @Test
    void givenAnSctOfOneLog_thenVerifyRefusesItForAnotherLog() throws Exception {
        CtLogClient client = client();
        List<X509Certificate> chain = chain();
        byte[] sct = client.submit(log(), chain);

        assertThatThrownBy(() -> client.verify(otherLog(), sct, chain.get(0))).isInstanceOf(CtLogException.class);
    }

    @Test
    void givenAnSctOfOneLeaf_thenVerifyRefusesItForAnother() throws Exception {
        CtLogClient client = client();
        byte[] sct = client.submit(log(), chain());

        assertThatThrownBy(() -> client.verify(log(), sct, otherLeaf())).isInstanceOf(CtLogException.class);
    }

    @Test
    void givenGarbage_thenVerifyRefusesIt() throws Exception {
        CtLogClient client = client();

        assertThatThrownBy(() -> client.verify(log(), new byte[] {0, 1, 2}, chain().get(0)))
                .isInstanceOf(CtLogException.class);
    }
}
