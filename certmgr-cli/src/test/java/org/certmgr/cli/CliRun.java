package org.certmgr.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.certmgr.ports.out.NameResolver;

/**
 * Runs the command line in-process with captured output, as a person would type it in
 * {@code workingDir}, without a terminal (as under cron).
 *
 * @param exitCode the exit code
 * @param out      what went to standard output
 * @param err      what went to standard error
 * @param sleeps   the waits {@code --randomwait} asked for (none actually happen)
 */
record CliRun(ExitCode exitCode, String out, String err, List<Duration> sleeps) {

    static CliRun in(Path workingDir, String... args) {
        return in(workingDir, Map.of(), args);
    }

    static CliRun in(Path workingDir, Map<String, String> environment, String... args) {
        return withStdin(workingDir, environment, "", args);
    }

    static CliRun withStdin(Path workingDir, Map<String, String> environment, String stdin, String... args) {
        return run(workingDir, environment, stdin, Optional.empty(), args);
    }

    /** Runs with a name resolver for {@code verify}, so that no name reaches the machine's DNS. */
    static CliRun withResolver(Path workingDir, NameResolver resolver, String... args) {
        return run(workingDir, Map.of(), "", Optional.of(resolver), args);
    }

    private static CliRun run(Path workingDir, Map<String, String> environment, String stdin,
                              Optional<NameResolver> resolver, String... args) {
        List<Duration> sleeps = new ArrayList<>();
        CliEnvironment env = new CliEnvironment(workingDir, workingDir.resolve("etc-certmgr"), Optional.empty(),
                environment, Optional.empty(), Clock.systemUTC(),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), sleeps::add, new SplittableRandom(7));
        if (resolver.isPresent()) {
            env = env.withResolver(resolver.get());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExitCode code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new CertmgrCli(env).run(args, o, e);
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), sleeps);
    }
}
