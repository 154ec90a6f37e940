package org.certmgr.testkit.fakes;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.certmgr.domain.KeyType;
import org.certmgr.ports.out.ProbeRequest;
import org.certmgr.ports.out.ProbeResult;
import org.certmgr.ports.out.TlsProbe;

/**
 * A {@link TlsProbe} that answers from a script instead of the network: per address, port and
 * key type a sequence of results (the last one repeats), and "connection refused" where
 * nothing is scripted. Records every request. Safe for concurrent use.
 */
public final class FakeTlsProbe implements TlsProbe {
    /** What a probe where nothing is scripted reports. */
    public static final String REFUSED = "connect: Connection refused";

    private record Key(InetAddress address, int port, KeyType type) {
    }

    private final Map<Key, Deque<ProbeResult>> script = new HashMap<>();
    private final List<ProbeRequest> requests = new ArrayList<>();

    /**
     * Scripts what probes of one address, port and key type report, in order; the last repeats.
     *
     * @param address the address
     * @param port    the port
     * @param type    the key type
     * @param results at least one result
     * @return this probe
     */
    public synchronized FakeTlsProbe serve(InetAddress address, int port, KeyType type, ProbeResult... results) {
        if (results.length == 0) {
            throw new IllegalArgumentException("script at least one result");
        }
        script.put(new Key(address, port, type), new ArrayDeque<>(List.of(results)));
        return this;
    }

    /**
     * Returns every request so far, in the order they came.
     *
     * @return the requests
     */
    public synchronized List<ProbeRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public synchronized ProbeResult probe(ProbeRequest request) {
        requests.add(request);
        Deque<ProbeResult> results = script.get(new Key(request.address(), request.port(), request.keyType()));
        if (results == null) {
            return ProbeResult.failed(REFUSED);
        }
        return results.size() > 1 ? results.removeFirst() : results.getFirst();
    }
}
