package org.certmgr.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the command line takes from the process: where it runs, where it is installed, the
 * environment and the terminal. Tests pass their own.
 *
 * @param workingDir  the current directory, first place a configuration file is looked for
 * @param etcDir      the system configuration folder, {@code /etc/certmgr}
 * @param installDir  the installation folder, last place a configuration file is looked for
 * @param environment environment variables (passphrases)
 * @param terminal    the terminal, when a person is there
 * @param clock       the clock
 */
record CliEnvironment(Path workingDir, Path etcDir, Optional<Path> installDir, Map<String, String> environment,
                      Optional<Terminal> terminal, Clock clock) {

    static CliEnvironment system() {
        return new CliEnvironment(Path.of("").toAbsolutePath(), Path.of("/etc/certmgr"), findInstallDir(), System.getenv(),
                Terminal.system(), Clock.systemUTC());
    }

    /** The launcher sets {@code certmgr.home}; otherwise the folder above the jar's {@code lib/}. */
    private static Optional<Path> findInstallDir() {
        String home = System.getProperty("certmgr.home");
        if (home != null && !home.isEmpty()) {
            return Optional.of(Path.of(home));
        }
        try {
            Path jar = Path.of(CliEnvironment.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent();
            if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("lib")) {
                dir = dir.getParent();
            }
            return Optional.ofNullable(dir);
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
