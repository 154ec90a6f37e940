package org.certmgr.adapters.fs.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One command of a hook: a program and its arguments, run without a shell, and how long
 * it may take before it is killed.
 *
 * <p>A command written as one string in the configuration is split into arguments when the
 * configuration is loaded. Arguments may contain {@code {field}} references, which
 * {@link #render} replaces inside the argument, so a value with blanks stays one argument.
 *
 * @param args    the program and its arguments, with {@code {field}} references; at least one
 * @param timeout how long the command may run
 */
public record HookCommand(List<String> args, Duration timeout) {

    /** How long a hook command may run when its configuration does not say. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    /**
     * Validates the command.
     *
     * @param args    at least the program
     * @param timeout positive
     */
    public HookCommand {
        args = List.copyOf(args);
        if (args.isEmpty() || args.get(0).isEmpty()) {
            throw new IllegalArgumentException("a hook command needs a program");
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a hook timeout must be positive");
        }
    }

    /**
     * Returns the arguments with every {@code {field}} replaced by its value.
     *
     * @param fields field name → value; must hold every field the command uses
     * @return the arguments to run
     * @throws IllegalArgumentException when a field the command uses has no value
     */
    public List<String> render(Map<String, String> fields) {
        List<String> rendered = new ArrayList<>(args.size());
        for (String arg : args) {
            rendered.add(Template.render(arg, fields));
        }
        return List.copyOf(rendered);
    }
}
