package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two packages {@code mvn package} made, used as a sysadmin would: the tar.gz unpacked and
 * run through a symbolic link, and the .deb installed into this machine with {@code dpkg -i},
 * run from {@code /usr/bin/certmgr} and purged again. The .deb part needs root (or sudo without
 * a password) and dpkg; without them it is skipped, saying why.
 */
class DistributionIT {
    private static final String VERSION = System.getProperty("certmgr.version", "");
    private static final Path TARGET = Path.of(System.getProperty("certmgr.target", "target"));
    private static final Path INSTALLED = Path.of("/usr/bin/certmgr");

    @TempDir
    Path dir;

    @Test
    void givenTheTarball_whenUnpackedAndRunThroughASymbolicLink_thenItRunsWithItsLibrariesAndArgumentsIntact()
            throws Exception {
        Path tarball = TARGET.resolve("certmgr-" + VERSION + ".tar.gz");
        assertThat(tarball).as("mvn package makes it").isRegularFile();
        Path unpacked = Files.createDirectories(dir.resolve("opt with space"));
        ExternalCommand tar = ExternalCommand.run(dir, List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()));
        assertThat(tar.exitCode()).as(tar.describe()).isZero();
        Path home = unpacked.resolve("certmgr-" + VERSION);
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/certmgr"))).contains(PosixFilePermission.OTHERS_EXECUTE);
        assertThat(home.resolve("lib/certmgr-cli-" + VERSION + ".jar")).isRegularFile();
        for (String file : List.of("certmgr.example.json", "systemd/certmgr.service", "systemd/certmgr.timer",
                "cron/certmgr", "logrotate/certmgr", "docs/installation.md", "docs/systemd-cron.md")) {
            assertThat(home.resolve(file)).isRegularFile();
        }
        Path link = Files.createDirectories(dir.resolve("bin")).resolve("certmgr");
        Files.createSymbolicLink(link, home.resolve("bin/certmgr"));

        ExternalCommand version = ExternalCommand.run(dir, List.of(link.toString(), "--version"));
        assertThat(version.exitCode()).as(version.describe()).isZero();
        assertThat(version.out()).isEqualTo("certmgr " + VERSION + "\n");

        Path config = configIn(Files.createDirectories(dir.resolve("my configs")));
        ExternalCommand check = ExternalCommand.run(dir, List.of(link.toString(), "--config", config.toString(), "check"));
        assertThat(check.exitCode()).as(check.describe()).isZero();

        // The class data sharing archive: made next to lib/, then used; a broken one is ignored quietly.
        ExternalCommand dump = ExternalCommand.run(dir, Map.of("CERTMGR_CDS", "dump"), List.of(link.toString()));
        assertThat(dump.exitCode()).as(dump.describe()).isZero();
        Path archive = home.resolve("cache/certmgr.jsa");
        assertThat(archive).isRegularFile();
        assertThat(Files.getPosixFilePermissions(archive)).doesNotContain(PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.OTHERS_WRITE);
        try (Stream<Path> cache = Files.list(archive.getParent())) {
            assertThat(cache).as("no temporary file left").containsExactly(archive);
        }
        ExternalCommand withArchive = ExternalCommand.run(dir, List.of(link.toString(), "--config", config.toString(), "check"));
        assertThat(withArchive.exitCode()).as(withArchive.describe()).isZero();
        assertThat(withArchive.err()).isEmpty();

        Files.writeString(archive, "not an archive, or one of another JVM build");
        ExternalCommand broken = ExternalCommand.run(dir, List.of(link.toString(), "--version"));
        assertThat(broken.exitCode()).as(broken.describe()).isZero();
        assertThat(broken.out()).isEqualTo("certmgr " + VERSION + "\n");
        assertThat(broken.err()).isEmpty();
    }

    @Test
    void givenTheDebianPackage_whenInstalledWithDpkg_thenCertmgrRunsFromUsrBinAndPurgeRemovesIt() throws Exception {
        assumeTrue(onPath("dpkg") && onPath("dpkg-deb"), "dpkg is not installed: the .deb cannot be installed here");
        List<String> asRoot = rootPrefix();
        assumeTrue(asRoot != null, "neither root nor passwordless sudo: the .deb cannot be installed here");
        ExternalCommand query = ExternalCommand.run(dir, List.of("dpkg-query", "-W", "-f=${Status}", "certmgr"));
        assumeTrue(!query.out().contains("installed"),
                "a certmgr package is already installed on this machine (" + query.out() + "): not replacing it");
        Path deb = debianPackage();
        ExternalCommand fields = ExternalCommand.run(dir, List.of("dpkg-deb", "-f", deb.toString(),
                "Package", "Version", "Architecture", "Depends", "Section", "Priority", "Maintainer"));
        assertThat(fields.out()).contains("Package: certmgr\n", "Architecture: all\n", "Section: admin\n",
                "Priority: optional\n", "Depends: default-jre-headless (>= 2:1.17) | java17-runtime-headless\n");
        assertThat(fields.out()).containsPattern("Version: " + VERSION.replace("-SNAPSHOT", "~[0-9]{14}") + "\n");
        assertThat(fields.out()).containsPattern("Maintainer: .+ <.+@.+>");

        try {
            ExternalCommand install = dpkg(asRoot, "-i", deb.toString());
            assertThat(install.exitCode()).as(install.describe()).isZero();

            assertThat(INSTALLED).isSymbolicLink();
            assertThat(INSTALLED.toRealPath()).isEqualTo(Path.of("/usr/share/certmgr/bin/certmgr"));
            assertThat(Path.of("/usr/share/certmgr/lib/certmgr-cli-" + VERSION + ".jar")).isRegularFile();
            assertThat(Path.of("/etc/certmgr/certmgr.example.json")).isRegularFile();
            assertThat(Path.of("/etc/certmgr/certmgr.json")).as("no live configuration").doesNotExist();
            assertThat(Path.of("/etc/logrotate.d/certmgr")).isRegularFile();
            assertThat(Path.of("/lib/systemd/system/certmgr.service")).isRegularFile();
            assertThat(Path.of("/lib/systemd/system/certmgr.timer")).isRegularFile();
            assertThat(Path.of("/etc/systemd/system/timers.target.wants/certmgr.timer"))
                    .as("the timer is not enabled by the package").doesNotExist();
            assertThat(Path.of("/etc/cron.d/certmgr")).as("no cron job beside the timer").doesNotExist();
            assertThat(Path.of("/usr/share/doc/certmgr/examples/cron.d/certmgr")).isRegularFile();
            assertThat(Path.of("/var/cache/certmgr/certmgr.jsa")).as("postinst made the class data sharing archive")
                    .isRegularFile();
            ExternalCommand conffiles = ExternalCommand.run(dir, List.of("dpkg-query", "-W", "-f=${Conffiles}", "certmgr"));
            assertThat(conffiles.out()).contains("/etc/certmgr/certmgr.example.json", "/etc/logrotate.d/certmgr");

            ExternalCommand version = ExternalCommand.run(dir, List.of(INSTALLED.toString(), "--version"));
            assertThat(version.exitCode()).as(version.describe()).isZero();
            assertThat(version.out()).isEqualTo("certmgr " + VERSION + "\n");
            assertThat(version.err()).isEmpty();
            ExternalCommand help = ExternalCommand.run(dir, List.of(INSTALLED.toString(), "--help"));
            assertThat(help.exitCode()).as(help.describe()).isZero();
            assertThat(help.out()).contains("usage:").contains("update");
            Path config = configIn(dir);
            ExternalCommand check = ExternalCommand.run(dir, List.of(INSTALLED.toString(), "--config", config.toString(), "check"));
            assertThat(check.exitCode()).as(check.describe()).isZero();
            // The certificate was never issued: status reads only local files, shows it as never run, and exits 1.
            ExternalCommand status = ExternalCommand.run(dir, List.of(INSTALLED.toString(), "--config", config.toString(),
                    "status"));
            assertThat(status.exitCode()).as(status.describe()).isEqualTo(1);
            assertThat(status.out()).as(status.describe()).contains("installed.test").contains("never");

            // Installed again, as an upgrade: an administrator's edit of a configuration file of the package stays.
            Path example = Path.of("/etc/certmgr/certmgr.example.json");
            String edited = Files.readString(example) + "\n";
            ExternalCommand edit = ExternalCommand.run(dir, concat(asRoot, "cp", writeTemp("edited.json", edited).toString(),
                    example.toString()));
            assertThat(edit.exitCode()).as(edit.describe()).isZero();
            ExternalCommand again = dpkg(asRoot, "-i", deb.toString());
            assertThat(again.exitCode()).as(again.describe()).isZero();
            assertThat(Files.readString(example)).isEqualTo(edited);
            assertThat(Path.of("/var/cache/certmgr/certmgr.jsa")).isRegularFile();
            ExternalCommand upgraded = ExternalCommand.run(dir, List.of(INSTALLED.toString(), "--version"));
            assertThat(upgraded.out()).as(upgraded.describe()).isEqualTo("certmgr " + VERSION + "\n");

            if (onPath("systemd-analyze")) {
                ExternalCommand verify = ExternalCommand.run(dir, List.of("systemd-analyze", "verify",
                        "/lib/systemd/system/certmgr.service", "/lib/systemd/system/certmgr.timer"));
                assertThat(verify.exitCode()).as(verify.describe()).isZero();
            }
        } finally {
            ExternalCommand purge = dpkg(asRoot, "--purge", "certmgr");
            assertThat(purge.exitCode()).as(purge.describe()).isZero();
        }
        assertThat(INSTALLED).doesNotExist();
        assertThat(Path.of("/usr/share/certmgr")).doesNotExist();
        assertThat(Path.of("/var/cache/certmgr")).doesNotExist();
        assertThat(Path.of("/etc/certmgr/certmgr.example.json")).doesNotExist();
        assertThat(Path.of("/lib/systemd/system/certmgr.timer")).doesNotExist();
    }

    private Path writeTemp(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<String> concat(List<String> prefix, String... command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(command));
        return all;
    }

    /** A configuration whose every path is in {@code folder}: no network, no log file. */
    private static Path configIn(Path folder) throws IOException {
        Path data = folder.resolve("data");
        return ConfigFiles.write(folder, "certmgr config.json", "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": { \"data_dir\": " + ConfigFiles.json(data) + ", \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(folder.resolve("certmgr.lock")) + " },\n"
                + "  \"certificates\": [ { \"name\": \"installed.test\" } ]\n"
                + "}\n");
    }

    /** The newest .deb in target/ (package removes older ones). */
    private static Path debianPackage() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(p -> p.getFileName().toString().matches("certmgr_.*_all\\.deb"))
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new AssertionError("mvn package made no certmgr_*_all.deb in " + TARGET));
        }
    }

    /** dpkg as root; waits a bounded while for another package manager to let go of its lock. */
    private ExternalCommand dpkg(List<String> asRoot, String... args) throws Exception {
        List<String> command = concat(asRoot, "dpkg");
        command.addAll(List.of(args));
        ExternalCommand run = ExternalCommand.run(dir, Map.of("DEBIAN_FRONTEND", "noninteractive"), command);
        for (int attempt = 1; attempt < 30 && run.exitCode() != 0 && run.err().contains("lock"); attempt++) {
            Thread.sleep(2000);
            run = ExternalCommand.run(dir, Map.of("DEBIAN_FRONTEND", "noninteractive"), command);
        }
        return run;
    }

    /** Nothing when this is root, sudo when it may be used without a password, null otherwise. */
    private List<String> rootPrefix() throws Exception {
        ExternalCommand id = ExternalCommand.run(dir, List.of("id", "-u"));
        if (id.out().strip().equals("0")) {
            return List.of();
        }
        if (onPath("sudo") && ExternalCommand.run(dir, List.of("sudo", "-n", "true")).exitCode() == 0) {
            return List.of("sudo", "-n");
        }
        return null;
    }

    private static boolean onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", program)) || Files.isExecutable(Path.of("/sbin", program));
    }
}
