package org.certmgr.adapters.fs.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.certmgr.domain.Configuration;

/**
 * A configuration file read and validated.
 *
 * @param file          the file it was read from
 * @param configuration what the core needs: account, CA, timing, certificates, services
 * @param local         what only the local machine needs: paths, hooks, checks
 * @param warnings      things that did not stop the load but deserve a look (unknown keys,
 *                      duplicate names…), each naming the file and the JSON path
 */
public record LoadedConfig(Path file, Configuration configuration, LocalSettings local, List<String> warnings) {

    /**
     * Checks the values are present.
     *
     * @param file          the file
     * @param configuration the core configuration
     * @param local         the local settings
     * @param warnings      the warnings
     */
    public LoadedConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(local, "local");
        warnings = List.copyOf(warnings);
    }

    /**
     * Returns the folder of the configuration file, where the optional root certificates
     * {@code root_cert.rsa.pem} and {@code root_cert.ecdsa.pem} are looked for.
     *
     * @return the folder
     */
    public Path configDir() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath() : parent;
    }
}
