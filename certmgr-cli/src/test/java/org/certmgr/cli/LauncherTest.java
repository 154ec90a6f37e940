package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script, dist/bin/certmgr, in an installed layout ({@code home/bin/certmgr},
 * {@code home/lib/*.jar}) with a stand-in for {@code java} that records how it was called:
 * where it finds its libraries, which Java it runs, that the arguments arrive intact, that it
 * becomes the Java process, and when it uses the class data sharing archive.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "dist", "bin", "certmgr").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path home;
    private Path javaHome;
    private Path record;

    @BeforeEach
    void install() throws IOException {
        home = Files.createDirectories(dir.resolve("opt/cert mgr"));
        Files.createDirectories(home.resolve("bin"));
        Files.copy(LAUNCHER, home.resolve("bin/certmgr"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/b-second.jar"), "");
        Files.writeString(home.resolve("lib/a-first.jar"), "");
        javaHome = Files.createDirectories(dir.resolve("jdk"));
        record = dir.resolve("java-call");
        // The stand-in writes its process id, then each argument followed by a NUL byte.
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/bash\necho $$ > \"$RECORD.pid\"\nprintf '%s\\0' \"$@\" > \"$RECORD\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void givenArgumentsWithSpacesQuotesAndGlobs_thenJavaGetsThemUnchangedAfterTheMainClass() throws Exception {
        List<String> args = List.of("--config", "my config.json", "", "*", "$HOME", "a\"b'c", "update");

        ExternalCommand run = launch(home.resolve("bin/certmgr"), Map.of(), args);

        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> call = javaCall();
        assertThat(call.subList(call.indexOf("org.certmgr.cli.Main") + 1, call.size())).isEqualTo(args);
    }

    @Test
    void givenALaunch_thenTheLauncherProcessBecomesJava() throws Exception {
        ExternalCommand run = launch(home.resolve("bin/certmgr"), Map.of(), List.of("--version"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(Long.parseLong(Files.readString(dir.resolve("java-call.pid")).strip())).isEqualTo(run.pid());
    }

    @Test
    void givenAChainOfSymbolicLinks_thenLibrariesAndHomeAreFoundNextToTheRealScript() throws Exception {
        Path usrBin = Files.createDirectories(dir.resolve("usr/bin"));
        Path localBin = Files.createDirectories(dir.resolve("usr/local/bin"));
        Files.createSymbolicLink(usrBin.resolve("certmgr"), Path.of("../../opt/cert mgr/bin/certmgr"));
        Files.createSymbolicLink(localBin.resolve("certmgr"), usrBin.resolve("certmgr"));

        ExternalCommand run = launch(localBin.resolve("certmgr"), Map.of(), List.of("--version"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        List<String> call = javaCall();
        Path real = home.toRealPath();
        assertThat(call.get(call.indexOf("-cp") + 1))
                .isEqualTo(real.resolve("lib/a-first.jar") + ":" + real.resolve("lib/b-second.jar"));
        assertThat(call).contains("-Dcertmgr.home=" + real)
                .contains("-Djdk.tls.client.disableExtensions=signature_algorithms_cert");
    }

    @Test
    void givenJavaHomeWithoutJava_thenItSaysSoAndExitsWithTwo() throws Exception {
        ExternalCommand run = launch(home.resolve("bin/certmgr"), Map.of("JAVA_HOME", dir.resolve("nowhere").toString()),
                List.of("--version"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("JAVA_HOME").contains("nowhere");
        assertThat(record).doesNotExist();
    }

    @Test
    void givenNoJavaHome_thenJavaIsTakenFromThePath() throws Exception {
        Path tools = toolsWithout();
        Files.createSymbolicLink(tools.resolve("java"), javaHome.resolve("bin/java"));
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", null);
        environment.put("PATH", tools.toString());

        ExternalCommand run = launch(home.resolve("bin/certmgr"), environment, List.of("--version"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(javaCall()).endsWith("org.certmgr.cli.Main", "--version");
    }

    @Test
    void givenNoJavaAnywhere_thenItSaysWhatToInstallAndExitsWithTwo() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("JAVA_HOME", null);
        environment.put("PATH", toolsWithout().toString());

        ExternalCommand run = launch(home.resolve("bin/certmgr"), environment, List.of("--version"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no Java found").contains("default-jre-headless");
    }

    @Test
    void givenASafeArchive_thenItIsUsed_andCdsOffLeavesItOut() throws Exception {
        Path archive = archive("rw-r--r--");

        launch(home.resolve("bin/certmgr"), Map.of(), List.of("--version"));
        assertThat(javaCall()).contains("-XX:SharedArchiveFile=" + archive.toRealPath());

        launch(home.resolve("bin/certmgr"), Map.of("CERTMGR_CDS", "off"), List.of("--version"));
        assertThat(javaCall()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void givenAnArchiveOthersCouldHaveWritten_thenItIsNotUsed() throws Exception {
        archive("rw-rw-r--");

        ExternalCommand run = launch(home.resolve("bin/certmgr"), Map.of(), List.of("--version"));

        assertThat(run.exitCode()).as(run.describe()).isZero();
        assertThat(javaCall()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void givenAnEmptyArchiveOrNone_thenJavaRunsWithout() throws Exception {
        launch(home.resolve("bin/certmgr"), Map.of(), List.of("--version"));
        assertThat(javaCall()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));

        Path archive = archive("rw-r--r--");
        Files.write(archive, new byte[0]);
        launch(home.resolve("bin/certmgr"), Map.of(), List.of("--version"));
        assertThat(javaCall()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void givenAnUnknownCdsMode_thenItSaysSoAndExitsWithTwo() throws Exception {
        ExternalCommand run = launch(home.resolve("bin/certmgr"), Map.of("CERTMGR_CDS", "always"), List.of("--version"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("CERTMGR_CDS").contains("always");
    }

    @Test
    void givenExtraJvmOptions_thenTheyComeBeforeTheMainClass() throws Exception {
        launch(home.resolve("bin/certmgr"), Map.of("CERTMGR_JAVA_OPTS", " -Xmx64m  -Dx=y "), List.of("check"));

        List<String> call = javaCall();
        assertThat(call.subList(0, call.indexOf("org.certmgr.cli.Main"))).contains("-Xmx64m", "-Dx=y");
    }

    private Path archive(String permissions) throws IOException {
        Path archive = Files.createDirectories(home.resolve("cache")).resolve("certmgr.jsa");
        Files.writeString(archive, "archive");
        Files.setPosixFilePermissions(archive, PosixFilePermissions.fromString(permissions));
        return archive;
    }

    /** A folder for the PATH with the tools the launcher needs, but no java. */
    private Path toolsWithout() throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : List.of("bash", "readlink", "dirname", "stat")) {
            Path wrapper = tools.resolve(tool);
            Files.writeString(wrapper, "#!/bin/sh\nexec " + which(tool) + " \"$@\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return tools;
    }

    private static Path which(String tool) {
        for (String folder : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(folder, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(tool + " is neither in /usr/bin nor in /bin");
    }

    private ExternalCommand launch(Path launcher, Map<String, String> environment, List<String> args) throws Exception {
        Files.deleteIfExists(record);
        Map<String, String> all = new HashMap<>();
        all.put("JAVA_HOME", javaHome.toString());
        all.put("RECORD", record.toString());
        all.put("CERTMGR_HOME", null);
        all.put("CERTMGR_CLASSPATH", null);
        all.put("CERTMGR_CDS", null);
        all.put("CERTMGR_CDS_ARCHIVE", null);
        all.put("CERTMGR_JAVA_OPTS", null);
        all.putAll(environment);
        List<String> command = new java.util.ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        return ExternalCommand.run(dir, all, command);
    }

    /** The arguments the stand-in java was called with. */
    private List<String> javaCall() throws IOException {
        String text = Files.readString(record, StandardCharsets.UTF_8);
        return Arrays.asList(text.substring(0, text.length() - 1).split("\0", -1));
    }
}
