package org.certmgr.testkit.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;

/**
 * A hook runner that records every call instead of running commands, and can be told to
 * report a failure for some hooks.
 */
public final class RecordingHookRunner implements HookRunner {
    /**
     * One recorded call.
     *
     * @param event         the hook
     * @param fields        the fields given
     * @param hadPassphrase whether a passphrase was given (never its value)
     */
    public record Call(HookEvent event, Map<String, String> fields, boolean hadPassphrase) {
        /**
         * Copies the fields.
         *
         * @param event the hook
         * @param fields the fields given
         * @param hadPassphrase whether a passphrase was given
         */
        public Call {
            fields = Map.copyOf(fields);
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final Set<HookEvent> failing = ConcurrentHashMap.newKeySet();

    /**
     * Makes every later call of a hook report a failure.
     *
     * @param event the hook
     * @return this runner
     */
    public RecordingHookRunner failing(HookEvent event) {
        failing.add(event);
        return this;
    }

    @Override
    public synchronized List<String> run(HookEvent event, Map<String, String> fields, Optional<char[]> passphrase) {
        calls.add(new Call(event, fields, passphrase.isPresent()));
        return failing.contains(event) ? List.of("hook " + event.id() + ": exited with status 1") : List.of();
    }

    /**
     * Returns the calls so far, in order.
     *
     * @return the calls
     */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * Returns the calls of one hook.
     *
     * @param event the hook
     * @return its calls, in order
     */
    public synchronized List<Call> calls(HookEvent event) {
        return calls.stream().filter(c -> c.event() == event).toList();
    }

    /** Forgets the calls so far. */
    public synchronized void clear() {
        calls.clear();
    }
}
