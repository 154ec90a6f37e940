package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleExtension;
import org.certmgr.testkit.pebble.PebbleServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that finds every certificate settled decides from what it remembered: through the real
 * launcher, it loads no Bouncy Castle class at all (neither keys nor certificates are read), and
 * changes no installed file.
 */
@ExtendWith(PebbleExtension.class)
class SettledRunIT {
    @TempDir
    Path dir;

    @Test
    void givenSettledCertificates_thenTheNextRunReadsNoCertificateNorKey(PebbleServer pebble, ChallengeWebServer web)
            throws Exception {
        Path data = dir.resolve("data");
        Path config = FaultConfigs.write(dir, pebble, data, FaultConfigs.served(web), "",
                "[ { \"name\": \"settled-a.test\" }, { \"name\": \"settled-b.test\" } ]");
        CliRun issue = CliRun.in(dir, "update");
        assertThat(issue.exitCode()).as(issue.err()).isEqualTo(ExitCode.SUCCESS);

        ExternalCommand full = launcher(config, dir.resolve("full.classes"));
        Map<String, String> installed = InstalledFiles.snapshot(data);
        ExternalCommand settled = launcher(config, dir.resolve("settled.classes"));

        assertThat(full.exitCode()).as(full.describe()).isZero();
        assertThat(settled.exitCode()).as(settled.describe()).isZero();
        assertThat(settled.out()).as(settled.describe()).isEmpty();
        try (Stream<Path> entries = Files.list(data.resolve(".runs/settled"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("settled-a.test",
                    "settled-b.test");
        }
        assertThat(Files.readString(dir.resolve("full.classes"))).as("the run that read the files")
                .contains("org.bouncycastle");
        assertThat(Files.readString(dir.resolve("settled.classes")).lines().filter(l -> l.contains("org.bouncycastle")))
                .as("classes of Bouncy Castle loaded by the settled run").isEmpty();
        assertThat(InstalledFiles.snapshot(data)).isEqualTo(installed);
    }

    private ExternalCommand launcher(Path config, Path classLog) throws Exception {
        return ExternalCommand.run(dir, Map.of("CERTMGR_JAVA_OPTS", "-Xlog:class+load:file=" + classLog),
                List.of(Launcher.script().toString(), "--config", config.toString(), "update"));
    }
}
