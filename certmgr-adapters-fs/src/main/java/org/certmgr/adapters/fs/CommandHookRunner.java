package org.certmgr.adapters.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.certmgr.adapters.fs.config.HookCommand;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;

/**
 * Runs the commands configured in the {@code hooks} section, one after the other, without a
 * shell, each value substituted inside its argument and offered again as a {@code CERTMGR_*}
 * environment variable.
 *
 * <p>Holds only the configuration, so it is safe for concurrent use.
 */
final class CommandHookRunner implements HookRunner {
    static final String PASSPHRASE_VARIABLE = "CERTMGR_PASSPHRASE";
    static final String HOOK_VARIABLE = "CERTMGR_HOOK";
    private static final String DATA_DIR = "data_dir";

    private final Map<HookEvent, List<HookCommand>> hooks;
    private final Path dataDir;
    private final ProcessRunner runner;
    private final Map<String, String> baseEnvironment;

    CommandHookRunner(Map<HookEvent, List<HookCommand>> hooks, Path dataDir, ProcessRunner runner,
            Map<String, String> baseEnvironment) {
        this.hooks = new EnumMap<>(HookEvent.class);
        hooks.forEach((event, commands) -> this.hooks.put(event, List.copyOf(commands)));
        this.dataDir = dataDir;
        this.runner = runner;
        Map<String, String> base = new HashMap<>(baseEnvironment);
        // A hook gets the passphrase of the key it is told about, or none: never one that
        // happens to be in certmgr's own environment.
        base.remove(PASSPHRASE_VARIABLE);
        this.baseEnvironment = Map.copyOf(base);
    }

    @Override
    public List<String> run(HookEvent event, Map<String, String> fields, Optional<char[]> passphrase)
            throws InterruptedException {
        List<HookCommand> commands = hooks.getOrDefault(event, List.of());
        if (commands.isEmpty()) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>(fields);
        // The configuration refuses {passphrase}; this keeps a caller's mistake out of argv and logs too.
        values.remove("passphrase");
        if (event == HookEvent.CERTIFICATES_UPDATED) {
            values.putIfAbsent(DATA_DIR, dataDir.toString());
        }
        Map<String, String> environment = environment(event, values, passphrase);
        // Certificates run in parallel: each output line names the certificate it is about.
        String about = values.getOrDefault("certificate_name", values.get("key_name"));
        String source = about == null ? event.id() : event.id() + " " + ProcessRunner.escapeControls(about);
        List<String> warnings = new ArrayList<>();
        for (HookCommand command : commands) {
            List<String> argv;
            try {
                argv = command.render(values);
            } catch (IllegalArgumentException e) {
                warnings.add("hook " + event.id() + ": `" + ProcessRunner.display(command.args())
                        + "` was not run: " + e.getMessage());
                continue;
            }
            runner.run(source, argv, environment, command.timeout())
                    .ifPresent(problem -> warnings.add("hook " + event.id() + ": " + problem));
        }
        return List.copyOf(warnings);
    }

    private Map<String, String> environment(HookEvent event, Map<String, String> values, Optional<char[]> passphrase) {
        Map<String, String> environment = new HashMap<>(baseEnvironment);
        values.forEach((name, value) -> environment.put("CERTMGR_" + name.toUpperCase(Locale.ROOT), value));
        environment.put(HOOK_VARIABLE, event.id());
        passphrase.ifPresent(p -> environment.put(PASSPHRASE_VARIABLE, new String(p)));
        return environment;
    }
}
