package org.certmgr.cli;

import java.io.Console;
import java.util.Optional;

/** The terminal a person typed the command on, when there is one (never under cron). */
interface Terminal {

    /**
     * Asks a question and returns the answer line.
     *
     * @param prompt the question
     * @return the answer, or empty at end of input
     */
    Optional<String> readLine(String prompt);

    /**
     * Asks for a secret without echoing it.
     *
     * @param prompt the question
     * @return the secret, or empty at end of input
     */
    Optional<char[]> readSecret(String prompt);

    /**
     * Returns the process's terminal.
     *
     * @return the terminal, or empty when standard input or output is not a terminal
     */
    static Optional<Terminal> system() {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.of(new Terminal() {
            @Override
            public Optional<String> readLine(String prompt) {
                return Optional.ofNullable(console.readLine("%s", prompt));
            }

            @Override
            public Optional<char[]> readSecret(String prompt) {
                return Optional.ofNullable(console.readPassword("%s", prompt));
            }
        });
    }
}
