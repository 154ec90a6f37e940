package org.certmgr.cli;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.certmgr.adapters.tls.TlsAdapters;
import org.certmgr.ports.out.NameResolver;

/**
 * What the command line takes from the process: where it runs, where it is installed, the
 * environment, the terminal, standard input, the clock and how it waits. Tests pass their own.
 *
 * @param workingDir  the current directory, first place a configuration file is looked for
 * @param etcDir      the system configuration folder, {@code /etc/certmgr}
 * @param installDir  the installation folder, last place a configuration file is looked for
 * @param environment environment variables (passphrases)
 * @param terminal    the terminal, when a person is there
 * @param clock       the clock
 * @param stdin       standard input (passphrases redirected from a file)
 * @param sleeper     how {@code --randomwait} waits
 * @param random      where the random wait comes from
 * @param resolver    how {@code verify} finds the addresses of hosts (tests map their names to loopback)
 */
record CliEnvironment(Path workingDir, Path etcDir, Optional<Path> installDir, Map<String, String> environment,
                      Optional<Terminal> terminal, Clock clock, InputStream stdin, Sleeper sleeper,
                      RandomGenerator random, NameResolver resolver) {

    /** An environment that resolves names through the operating system. */
    CliEnvironment(Path workingDir, Path etcDir, Optional<Path> installDir, Map<String, String> environment,
                   Optional<Terminal> terminal, Clock clock, InputStream stdin, Sleeper sleeper, RandomGenerator random) {
        this(workingDir, etcDir, installDir, environment, terminal, clock, stdin, sleeper, random,
                TlsAdapters.systemResolver());
    }

    /**
     * Returns this environment with another name resolver.
     *
     * @param other the resolver
     * @return the changed environment
     */
    CliEnvironment withResolver(NameResolver other) {
        return new CliEnvironment(workingDir, etcDir, installDir, environment, terminal, clock, stdin, sleeper, random,
                other);
    }

    /** Waits; tests record the wait instead. */
    @FunctionalInterface
    interface Sleeper {
        /**
         * Waits.
         *
         * @param duration how long
         * @throws InterruptedException when interrupted
         */
        void sleep(Duration duration) throws InterruptedException;
    }

    static CliEnvironment system() {
        return new CliEnvironment(Path.of("").toAbsolutePath(), Path.of("/etc/certmgr"), findInstallDir(), System.getenv(),
                Terminal.system(), Clock.systemUTC(), System.in, d -> Thread.sleep(d.toMillis()),
                new java.util.SplittableRandom());
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
