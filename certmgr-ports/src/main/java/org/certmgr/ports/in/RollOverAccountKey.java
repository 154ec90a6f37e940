package org.certmgr.ports.in;

import java.util.List;
import java.util.Optional;

/**
 * The {@code rollover} use case: replace the ACME account's key at the CA (RFC 8555 §7.3.5)
 * and store the new one, keeping the old one in the archive.
 */
public interface RollOverAccountKey {

    /**
     * What a rollover did.
     *
     * @param actions one line per thing done
     * @param error   why it failed, when it did
     */
    record Outcome(List<String> actions, Optional<String> error) {
        /**
         * Copies the list.
         *
         * @param actions one line per thing done
         * @param error why it failed
         */
        public Outcome {
            actions = List.copyOf(actions);
        }
    }

    /**
     * Rolls the account key over, registering the account first when there is none.
     *
     * @return what was done, or why it failed
     * @throws InterruptedException when the run is interrupted
     */
    Outcome rollOverAccountKey() throws InterruptedException;
}
