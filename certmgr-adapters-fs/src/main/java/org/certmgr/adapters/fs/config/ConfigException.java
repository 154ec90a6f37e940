package org.certmgr.adapters.fs.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The configuration cannot be used: the file is missing, is not valid JSON, or a value in it
 * breaks a rule.
 *
 * <p>The message names the file, the JSON path of the offending value (e.g.
 * {@code certificates[1].alt_names["example.com"][0]}) and what was expected. It never
 * contains a passphrase or key from the file: values are quoted only where they are names.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    /** Where in the file, or null for the file as a whole. */
    private final String jsonPath;
    /** What is wrong and what was expected. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param file     the configuration file, or null when none was found
     * @param jsonPath where in the file, or null when the problem concerns the whole file
     * @param problem  what is wrong and what was expected
     */
    ConfigException(Path file, String jsonPath, String problem) {
        super(compose(file, jsonPath, problem));
        this.file = file;
        this.jsonPath = jsonPath;
        this.problem = problem;
    }

    private static String compose(Path file, String jsonPath, String problem) {
        StringBuilder message = new StringBuilder();
        if (file != null) {
            message.append(file).append(": ");
        }
        if (jsonPath != null) {
            message.append(jsonPath).append(": ");
        }
        return message.append(problem).toString();
    }

    /**
     * Returns the configuration file concerned.
     *
     * @return the file, or empty when no file was found
     */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * Returns where in the file the problem is.
     *
     * @return a JSON path such as {@code settings.key_size}, or empty for the file as a whole
     */
    public Optional<String> jsonPath() {
        return Optional.ofNullable(jsonPath);
    }

    /**
     * Returns what is wrong, without the file and path.
     *
     * @return the problem and what was expected
     */
    public String problem() {
        return problem;
    }
}
