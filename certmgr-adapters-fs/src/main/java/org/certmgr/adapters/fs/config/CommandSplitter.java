package org.certmgr.adapters.fs.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command written as one string into its arguments, the way a POSIX shell would
 * split it, without running a shell: blanks separate arguments, single quotes keep text
 * as is, double quotes keep blanks (a backslash escapes {@code "}, {@code \}, {@code $} and
 * a backquote inside them), and a backslash outside quotes escapes the next character.
 *
 * <p>Nothing else of the shell applies: no variables, globs, pipes or redirections. Text
 * that looks like them is reported so that the configuration can warn about it.
 */
final class CommandSplitter {

    /**
     * The arguments of a command.
     *
     * @param args          the arguments, the program first
     * @param looksLikeShell whether unquoted text looked like shell syntax ({@code |}, {@code >}, {@code $}…)
     */
    record Split(List<String> args, boolean looksLikeShell) {
    }

    private CommandSplitter() {
    }

    /**
     * Splits a command line.
     *
     * @throws IllegalArgumentException for an unterminated quote, a trailing backslash or an empty command
     */
    static Split split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        boolean shell = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (inArgument) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
                i++;
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("a single quote is not closed");
                }
                current.append(line, i + 1, end);
                inArgument = true;
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, current);
                inArgument = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("the command ends with a backslash");
                }
                current.append(line.charAt(i + 1));
                inArgument = true;
                i += 2;
            } else {
                shell |= "|&;<>$`".indexOf(c) >= 0 || (c == '~' && !inArgument);
                current.append(c);
                inArgument = true;
                i++;
            }
        }
        if (inArgument) {
            args.add(current.toString());
        }
        if (args.isEmpty()) {
            throw new IllegalArgumentException("the command is empty");
        }
        return new Split(List.copyOf(args), shell);
    }

    /** Reads a double-quoted part starting after the quote; returns the index after the closing quote. */
    private static int doubleQuoted(String line, int start, StringBuilder current) {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                current.append(line.charAt(i + 1));
                i += 2;
            } else {
                current.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("a double quote is not closed");
    }
}
