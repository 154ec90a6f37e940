package org.certmgr.cli;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.certmgr.ports.out.Operator;

/**
 * The operator as seen from the command line. A passphrase comes from, in this order:
 * {@code --pass} (or {@code --pass-file}), the environment, the terminal, standard input
 * lines. Without a terminal nothing blocks: terms are refused and no passphrase is given,
 * and the core says what to configure instead.
 */
final class ConsoleOperator implements Operator {
    /** The environment variable holding the account key's passphrase. */
    static final String ACCOUNT_PASSPHRASE_VARIABLE = "ACME_CLIENT_PASSPHRASE";

    private final Map<String, String> environment;
    private final Optional<Terminal> terminal;
    private final Optional<String> commandLine;
    private final StdinPassphrases stdin;

    ConsoleOperator(Map<String, String> environment, Optional<Terminal> terminal, Optional<String> commandLine,
                    StdinPassphrases stdin) {
        this.environment = environment;
        this.terminal = terminal;
        this.commandLine = commandLine;
        this.stdin = stdin;
    }

    @Override
    public boolean acceptTerms(String termsUrl) {
        return terminal.flatMap(t -> t.readLine("The CA asks you to accept its terms of service: " + termsUrl
                        + "\nDo you accept them? [y/N] "))
                .map(answer -> answer.trim().toLowerCase(Locale.ROOT))
                .map(answer -> answer.equals("y") || answer.equals("yes"))
                .orElse(false);
    }

    @Override
    public Optional<char[]> passphrase(String keyName) {
        if (commandLine.isPresent() && !commandLine.get().isEmpty()) {
            return Optional.of(commandLine.get().toCharArray());
        }
        String variable = "account".equals(keyName) ? ACCOUNT_PASSPHRASE_VARIABLE : variableFor(keyName);
        String value = environment.get(variable);
        if (value != null && !value.isEmpty()) {
            return Optional.of(value.toCharArray());
        }
        if (terminal.isPresent()) {
            return terminal.get().readSecret("Passphrase for the private key of " + keyName + ": ")
                    .filter(p -> p.length > 0);
        }
        return stdin.passphrase(keyName);
    }

    /**
     * Returns the environment variable for a certificate's passphrase: the name in upper case
     * with every character that is not a letter or digit replaced by an underscore, followed by
     * {@code _PASSPHRASE}; e.g. {@code www.example-1.com} → {@code WWW_EXAMPLE_1_COM_PASSPHRASE}.
     *
     * @param certificateName the certificate name
     * @return the variable name
     */
    static String variableFor(String certificateName) {
        return certificateName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_PASSPHRASE";
    }
}
