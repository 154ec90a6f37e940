package org.certmgr.adapters.fs.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, reads and validates certmgr's JSON configuration file.
 *
 * <p>A relative file name (by default {@code certmgr.json}) is looked for in the working
 * directory, then in {@code /etc/certmgr}, then in the installation directory; an absolute
 * one is used as is. Loading either yields a complete, validated configuration with every
 * default applied, or throws a {@link ConfigException} naming the file, the JSON path and
 * what was expected. Loading reads the file and nothing else changes.
 */
public final class ConfigLoader {
    /** The file name looked for when {@code --config} is not given. */
    public static final String DEFAULT_FILE_NAME = "certmgr.json";
    /** The system-wide configuration folder. */
    public static final Path ETC_DIR = Path.of("/etc/certmgr");

    private final Path workingDir;
    private final Path etcDir;
    private final Optional<Path> installDir;

    /**
     * Creates a loader with the spec's search path.
     *
     * @param workingDir the current working directory
     * @param installDir the folder certmgr is installed in, when known
     */
    public ConfigLoader(Path workingDir, Optional<Path> installDir) {
        this(workingDir, ETC_DIR, installDir);
    }

    /**
     * Creates a loader with another system-wide folder in place of {@code /etc/certmgr}, for
     * tests and for packagers who install elsewhere.
     *
     * @param workingDir the current working directory
     * @param etcDir     the system-wide configuration folder
     * @param installDir the folder certmgr is installed in, when known
     */
    public ConfigLoader(Path workingDir, Path etcDir, Optional<Path> installDir) {
        this.workingDir = workingDir.toAbsolutePath();
        this.etcDir = Objects.requireNonNull(etcDir, "etcDir");
        this.installDir = Objects.requireNonNull(installDir, "installDir");
    }

    /**
     * Finds the configuration file: an absolute {@code --config} as is; a relative one
     * (default {@code certmgr.json}) is looked for in the working directory,
     * {@code /etc/certmgr} and the installation directory, in that order.
     *
     * @param configOption the value of {@code --config}, if given
     * @return the first existing file
     * @throws ConfigException when no file is found; the message lists every place searched
     */
    public Path locate(Optional<String> configOption) throws ConfigException {
        String name = configOption.orElse(DEFAULT_FILE_NAME);
        if (name.isBlank()) {
            throw new ConfigException(null, null, "the configuration file name is empty");
        }
        Path given;
        try {
            given = Path.of(name);
        } catch (InvalidPathException e) {
            throw new ConfigException(null, null, "\"" + name + "\" is not a valid file name: " + e.getReason());
        }
        if (given.isAbsolute()) {
            if (Files.isRegularFile(given)) {
                return given;
            }
            throw new ConfigException(given, null, Files.exists(given) ? "is not a regular file"
                    : "configuration file not found");
        }
        Set<Path> candidates = new LinkedHashSet<>();
        candidates.add(workingDir.resolve(given));
        candidates.add(etcDir.resolve(given));
        installDir.ifPresent(dir -> candidates.add(dir.toAbsolutePath().resolve(given)));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        List<String> places = new ArrayList<>();
        candidates.forEach(c -> places.add(c.toString()));
        throw new ConfigException(null, null, "configuration file \"" + name + "\" not found; looked for "
                + String.join(", ", places));
    }

    /**
     * Reads and validates a configuration file.
     *
     * @param file the file, e.g. from {@link #locate}
     * @return the configuration with every default applied, and the warnings
     * @throws ConfigException when the file is missing, unreadable, not JSON, or breaks a rule
     */
    public LoadedConfig load(Path file) throws ConfigException {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, null, "configuration file not found");
        } catch (AccessDeniedException e) {
            throw new ConfigException(file, null, "permission denied; certmgr usually runs as root");
        } catch (IOException e) {
            throw new ConfigException(file, null, "cannot read the file: " + e);
        }
        return new ConfigParser(new Context(file)).parse(JsonFiles.parse(file, content));
    }
}
