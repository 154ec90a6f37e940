package org.certmgr.testkit.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.ports.out.ServiceReloader;

/** A service reloader that records the services it was asked to reload. */
public final class RecordingServiceReloader implements ServiceReloader {
    private final List<String> reloaded = new ArrayList<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /**
     * Makes every later reload of a service fail.
     *
     * @param service the service
     * @return this reloader
     */
    public RecordingServiceReloader failing(String service) {
        failing.add(service);
        return this;
    }

    @Override
    public synchronized Optional<String> reload(String service) {
        reloaded.add(service);
        return failing.contains(service) ? Optional.of("exited with status 3") : Optional.empty();
    }

    /**
     * Returns the services asked for, in order, repeats included.
     *
     * @return the services
     */
    public synchronized List<String> reloaded() {
        return List.copyOf(reloaded);
    }

    /** Forgets the calls so far. */
    public synchronized void clear() {
        reloaded.clear();
    }
}
