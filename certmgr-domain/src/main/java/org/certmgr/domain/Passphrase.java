package org.certmgr.domain;

/**
 * How a private key is protected: in the clear, with a configured passphrase, or with one
 * asked for at run time.
 *
 * <p>No {@code toString()} shows a passphrase, so one cannot leak through a log line.
 */
public sealed interface Passphrase permits Passphrase.None, Passphrase.Fixed, Passphrase.AskAtRunTime {

    /** Keys are written unencrypted ({@code null} or {@code false} in the configuration). */
    record None() implements Passphrase {
    }

    /**
     * Keys are encrypted with this passphrase (a string in the configuration).
     *
     * @param value the passphrase; never logged
     */
    record Fixed(String value) implements Passphrase {
        /**
         * Refuses an empty passphrase.
         *
         * @param value the passphrase
         */
        public Fixed {
            if (value == null || value.isEmpty()) {
                throw new InvalidValueException("a passphrase cannot be empty; use null for unencrypted keys");
            }
        }

        @Override
        public String toString() {
            return "Fixed[********]";
        }
    }

    /** The passphrase is obtained when the run needs it ({@code true} in the configuration). */
    record AskAtRunTime() implements Passphrase {
    }

    /** Unencrypted keys. */
    Passphrase NONE = new None();
}
