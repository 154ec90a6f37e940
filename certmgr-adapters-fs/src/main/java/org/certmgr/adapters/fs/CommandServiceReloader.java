package org.certmgr.adapters.fs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.ports.out.ServiceReloader;

/**
 * Reloads a service by running its command from the {@code services} section, without a
 * shell, killed after a timeout.
 *
 * <p>Holds only the configuration, so it is safe for concurrent use.
 */
final class CommandServiceReloader implements ServiceReloader {
    private final Map<String, List<String>> commands;
    private final Duration timeout;
    private final ProcessRunner runner;
    private final Map<String, String> environment;

    CommandServiceReloader(Map<String, List<String>> commands, Duration timeout, ProcessRunner runner,
            Map<String, String> environment) {
        Map<String, List<String>> copy = new HashMap<>();
        commands.forEach((service, argv) -> copy.put(service, List.copyOf(argv)));
        this.commands = Map.copyOf(copy);
        this.timeout = timeout;
        this.runner = runner;
        Map<String, String> env = new HashMap<>(environment);
        // A reload command has no use for a key passphrase certmgr may have been given.
        env.remove(CommandHookRunner.PASSPHRASE_VARIABLE);
        this.environment = Map.copyOf(env);
    }

    @Override
    public Optional<String> reload(String service) throws InterruptedException {
        List<String> argv = commands.get(service);
        if (argv == null || argv.isEmpty()) {
            // Configuration validation refuses unknown services; this only guards other callers.
            return Optional.of("service " + service + ": no reload command is configured in services");
        }
        return runner.run(service, argv, environment, timeout).map(problem -> "service " + service + ": " + problem);
    }
}
