package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.certmgr.adapters.fs.config.ConfigLoader;
import org.certmgr.adapters.fs.config.HookCommand;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that a value substituted into a hook command, whatever shell syntax it contains,
 * arrives as one literal argument and executes nothing. Each value tries to create a marker
 * file ({@code MARKER} is replaced by its path).
 */
class HookInjectionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final RecordingOutput output = new RecordingOutput();

    static Stream<String> hostileValues() {
        return Stream.of(
                "$(touch MARKER)",
                "`touch MARKER`",
                "x; touch MARKER",
                "x | touch MARKER",
                "x && touch MARKER",
                "x || touch MARKER",
                "x & touch MARKER",
                "x > MARKER",
                "' ; touch MARKER ; '",
                "\" ; touch MARKER ; \"",
                "x\ntouch MARKER",
                "${IFS}touch${IFS}MARKER",
                "$HOME",
                "*",
                "~",
                "\\$(touch MARKER)",
                "-n");
    }

    private HookRunner runner(HookCommand command) {
        return new CommandHookRunner(Map.of(HookEvent.CERTIFICATE_INSTALLED, List.of(command)),
                Path.of("/var/lib/certmgr"), new ProcessRunner(output), System.getenv());
    }

    private static Map<String, String> fields(String value) {
        return Map.of("key_name", value, "key_type", "rsa", "certificate_name", value,
                "certificate_file", "/var/lib/certmgr/" + value + "/rsa/cert.pem");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void givenHostileValueInAnArgument_thenTheProgramReceivesItLiterallyAsOneArgument(String hostile) throws Exception {
        Path marker = dir.resolve("marker");
        Path out = dir.resolve("out");
        String value = hostile.replace("MARKER", marker.toString());
        // The value reaches sh as data ("$1"), never as part of its script.
        HookRunner hooks = runner(new HookCommand(List.of("/bin/sh", "-c",
                "printf '%s|' \"$#\" \"$@\" > " + out, "sh", "{certificate_name}", "<{certificate_file}>"), TIMEOUT));

        List<String> warnings = hooks.run(HookEvent.CERTIFICATE_INSTALLED, fields(value), Optional.empty());

        assertThat(warnings).isEmpty();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .isEqualTo("2|" + value + "|<" + "/var/lib/certmgr/" + value + "/rsa/cert.pem>|");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void givenHostileValueForAProgramRunDirectly_thenNothingRunsButTheProgram(String hostile) throws Exception {
        Path marker = dir.resolve("marker");
        String value = hostile.replace("MARKER", marker.toString());
        HookRunner hooks = runner(new HookCommand(List.of("/usr/bin/printf", "[%s]", "{key_name}"), TIMEOUT));

        List<String> warnings = hooks.run(HookEvent.CERTIFICATE_INSTALLED, fields(value), Optional.empty());

        assertThat(warnings).isEmpty();
        // Each output line names the hook and the certificate, control characters escaped.
        String prefix = "certificate_installed " + ProcessRunner.escapeControls(value) + ": ";
        assertThat(output.lines()).allSatisfy(line -> assertThat(line).startsWith(prefix));
        assertThat(String.join("\n", output.lines().stream()
                .map(line -> line.substring(prefix.length())).toList()))
                .isEqualTo("[" + value + "]");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void givenStringCommandFromTheConfiguration_thenItIsSplitOnceAndValuesStayOneArgument(String hostile)
            throws Exception {
        Path marker = dir.resolve("marker");
        Path out = dir.resolve("out");
        String value = hostile.replace("MARKER", marker.toString());
        Path config = dir.resolve("certmgr.json");
        Files.writeString(config, "{\"hooks\": {\"certificate_installed\":"
                + " \"/bin/sh -c 'printf \\\"%s|\\\" \\\"$#\\\" \\\"$@\\\" > " + out + "' sh {key_name} 'x {key_type}'\"}}");
        List<HookCommand> commands = new ConfigLoader(dir, dir.resolve("etc"), Optional.empty()).load(config)
                .local().hooks(HookEvent.CERTIFICATE_INSTALLED);
        HookRunner hooks = new CommandHookRunner(Map.of(HookEvent.CERTIFICATE_INSTALLED, commands),
                Path.of("/var/lib/certmgr"), new ProcessRunner(output), System.getenv());

        List<String> warnings = hooks.run(HookEvent.CERTIFICATE_INSTALLED, fields(value), Optional.empty());

        assertThat(warnings).isEmpty();
        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("2|" + value + "|x rsa|");
        assertThat(marker).doesNotExist();
    }
}
