package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocateTest {
    @TempDir
    Path root;

    private Path work;
    private Path etc;
    private Path install;
    private ConfigLoader loader;

    @BeforeEach
    void folders() throws IOException {
        work = Files.createDirectory(root.resolve("work"));
        etc = Files.createDirectory(root.resolve("etc"));
        install = Files.createDirectory(root.resolve("install"));
        loader = new ConfigLoader(work, etc, Optional.of(install));
    }

    @Test
    void givenTheDefaultNameInEveryFolder_thenTheWorkingDirectoryWins() throws Exception {
        touch(work.resolve("certmgr.json"));
        touch(etc.resolve("certmgr.json"));
        touch(install.resolve("certmgr.json"));

        assertThat(loader.locate(Optional.empty())).isEqualTo(work.resolve("certmgr.json"));
    }

    @Test
    void givenTheDefaultNameInEtcAndInstall_thenEtcWins() throws Exception {
        touch(etc.resolve("certmgr.json"));
        touch(install.resolve("certmgr.json"));

        assertThat(loader.locate(Optional.empty())).isEqualTo(etc.resolve("certmgr.json"));
    }

    @Test
    void givenTheDefaultNameOnlyInInstall_thenInstallIsUsed() throws Exception {
        touch(install.resolve("certmgr.json"));

        assertThat(loader.locate(Optional.empty())).isEqualTo(install.resolve("certmgr.json"));
    }

    @Test
    void givenARelativeConfigOption_thenItIsSearchedInTheSameFolders() throws Exception {
        touch(etc.resolve("other.json"));
        touch(install.resolve("other.json"));

        assertThat(loader.locate(Optional.of("other.json"))).isEqualTo(etc.resolve("other.json"));
    }

    @Test
    void givenARelativePathWithAFolder_thenItIsResolvedInTheWorkingDirectory() throws Exception {
        Files.createDirectory(work.resolve("conf"));
        touch(work.resolve("conf/site.json"));

        assertThat(loader.locate(Optional.of("conf/site.json"))).isEqualTo(work.resolve("conf/site.json"));
    }

    @Test
    void givenAnAbsoluteConfigOption_thenItIsUsedAsIs() throws Exception {
        Path elsewhere = touch(root.resolve("elsewhere.json"));
        touch(work.resolve("elsewhere.json"));

        assertThat(loader.locate(Optional.of(elsewhere.toString()))).isEqualTo(elsewhere);
    }

    @Test
    void givenAMissingAbsoluteFile_thenTheErrorNamesIt() {
        Path missing = root.resolve("missing.json");

        assertThatThrownBy(() -> loader.locate(Optional.of(missing.toString()))).isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": configuration file not found");
    }

    @Test
    void givenNoFileAnywhere_thenTheErrorListsEveryPlaceSearched() {
        assertThatThrownBy(() -> loader.locate(Optional.empty())).isInstanceOf(ConfigException.class)
                .hasMessage("configuration file \"certmgr.json\" not found; looked for " + work.resolve("certmgr.json")
                        + ", " + etc.resolve("certmgr.json") + ", " + install.resolve("certmgr.json"));
    }

    @Test
    void givenNoInstallDirectory_thenOnlyTwoPlacesAreSearched() {
        ConfigLoader withoutInstall = new ConfigLoader(work, etc, Optional.empty());

        assertThatThrownBy(() -> withoutInstall.locate(Optional.of("x.json"))).isInstanceOf(ConfigException.class)
                .hasMessage("configuration file \"x.json\" not found; looked for " + work.resolve("x.json") + ", "
                        + etc.resolve("x.json"));
    }

    @Test
    void givenAFolderWithTheConfigName_thenItIsSkipped() throws Exception {
        Files.createDirectory(work.resolve("certmgr.json"));
        touch(etc.resolve("certmgr.json"));

        assertThat(loader.locate(Optional.empty())).isEqualTo(etc.resolve("certmgr.json"));
    }

    @Test
    void givenTheLocatedFile_thenItLoads() throws Exception {
        Files.writeString(etc.resolve("certmgr.json"), "{\"certificates\": [{\"name\": \"example.com\"}]}");

        LoadedConfig loaded = loader.load(loader.locate(Optional.empty()));

        assertThat(loaded.file()).isEqualTo(etc.resolve("certmgr.json"));
        assertThat(loaded.configDir()).isEqualTo(etc);
    }

    @Test
    void givenAFileThatVanished_whenLoaded_thenTheErrorNamesIt() {
        Path gone = work.resolve("gone.json");

        assertThatThrownBy(() -> loader.load(gone)).isInstanceOf(ConfigException.class)
                .hasMessage(gone + ": configuration file not found");
    }

    private static Path touch(Path file) throws IOException {
        return Files.writeString(file, "{}");
    }
}
