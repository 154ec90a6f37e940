package org.certmgr.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Passphrases redirected to standard input ({@code certmgr < passphrases.txt}), one per line,
 * in a fixed order: the account key first when its passphrase is asked at run time, then each
 * certificate whose {@code key_passphrase} is {@code true}, in configuration order. The order
 * does not depend on which key is needed first, since certificates are processed in parallel.
 *
 * <p>Standard input is read only when something is waiting in it, so that a run whose input
 * is an idle pipe never blocks.
 */
final class StdinPassphrases {
    private final InputStream in;
    private final List<String> order;
    private List<String> lines;

    /**
     * Creates the reader.
     *
     * @param in    standard input
     * @param order the key names, in the order of the lines
     */
    StdinPassphrases(InputStream in, List<String> order) {
        this.in = in;
        this.order = List.copyOf(order);
    }

    /**
     * Returns the line for a key.
     *
     * @param keyName a certificate name, or "account"
     * @return its passphrase, or empty when there is no such line
     */
    synchronized Optional<char[]> passphrase(String keyName) {
        int index = order.indexOf(keyName);
        if (index < 0) {
            return Optional.empty();
        }
        if (lines == null) {
            lines = read();
        }
        return index < lines.size() && !lines.get(index).isEmpty()
                ? Optional.of(lines.get(index).toCharArray()) : Optional.empty();
    }

    private List<String> read() {
        List<String> read = new ArrayList<>();
        try {
            if (in.available() <= 0) {
                return read;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (int i = 0; i < order.size(); i++) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                read.add(line);
            }
        } catch (IOException e) {
            // No readable input: the core then says which passphrase is missing.
        }
        return read;
    }
}
