package org.certmgr.testkit.fakes;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.certmgr.domain.CtLogSpec;
import org.certmgr.ports.out.CtLogClient;
import org.certmgr.ports.out.CtLogException;

/**
 * A CT client whose SCTs are short text ({@code FAKE-SCT log serial n}) that {@link #verify}
 * checks against the log and the certificate, as the real client checks the log ID and the
 * signature. Logs named with {@link #failing} refuse every submission.
 */
public final class FakeCtLogClient implements CtLogClient {
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final List<String> submissions = new CopyOnWriteArrayList<>();

    /**
     * Makes a log fail every later submission, or answer again.
     *
     * @param log   the log's name
     * @param fails whether it fails
     * @return this client
     */
    public FakeCtLogClient failing(String log, boolean fails) {
        if (fails) {
            failing.add(log);
        } else {
            failing.remove(log);
        }
        return this;
    }

    /**
     * Returns the names of the logs submitted to, in order.
     *
     * @return one entry per submission
     */
    public List<String> submissions() {
        return List.copyOf(submissions);
    }

    @Override
    public byte[] submit(CtLogSpec log, List<X509Certificate> chain) throws CtLogException {
        submissions.add(log.name());
        if (failing.contains(log.name())) {
            throw new CtLogException("HTTP 503");
        }
        return ("FAKE-SCT " + log.name() + " " + chain.get(0).getSerialNumber().toString(16) + " "
                + submissions.size()).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void verify(CtLogSpec log, byte[] sct, X509Certificate certificate) throws CtLogException {
        String[] parts = new String(sct, StandardCharsets.US_ASCII).split(" ");
        if (parts.length != 4 || !parts[0].equals("FAKE-SCT") || !parts[1].equals(log.name())) {
            throw new CtLogException("the SCT's log id is not the configured id of " + log.name());
        }
        if (!parts[2].equals(certificate.getSerialNumber().toString(16))) {
            throw new CtLogException("the SCT's signature does not verify");
        }
    }
}
