package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.certmgr.ports.out.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileOpsTest {
    @TempDir
    Path dir;

    private final FileOps ops = new FileOps();

    @Test
    void givenExistingLink_thenReplaceSwapsItForTheNewLinkInOneRename() throws Exception {
        Files.createDirectories(dir.resolve("gen1"));
        Files.createDirectories(dir.resolve("gen2"));
        Path link = dir.resolve("name");
        Files.createSymbolicLink(link, Path.of("gen1"));
        Path fresh = dir.resolve(".tmp");
        Files.createSymbolicLink(fresh, Path.of("gen2"));

        ops.replace(fresh, link);

        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("gen2"));
        assertThat(Files.exists(fresh)).isFalse();
        assertThat(Files.isDirectory(dir.resolve("gen1"))).isTrue();
    }

    @Test
    void givenRealFolderAtTheTarget_thenReplaceFailsAndLeavesItAlone() throws Exception {
        Path folder = dir.resolve("name");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("cert.pem"), "x");
        Path fresh = dir.resolve(".tmp");
        Files.createSymbolicLink(fresh, Path.of("gen2"));

        assertThatThrownBy(() -> ops.replace(fresh, folder)).isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot replace " + folder + ": ");

        assertThat(Files.readString(folder.resolve("cert.pem"))).isEqualTo("x");
    }

    @Test
    void givenExistingFile_thenWriteNewRefusesToOverwriteIt() throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "old");

        assertThatThrownBy(() -> ops.writeNew(file, new byte[] {1}, FileOps.SECRET_FILE))
                .isInstanceOf(StoreException.class).hasMessage("cannot write " + file + ": File exists");

        assertThat(Files.readString(file)).isEqualTo("old");
    }

    @Test
    void givenExistingTarget_thenRenameIfAbsentReportsItAndMovesNothing() throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));

        assertThat(ops.renameIfAbsent(dir.resolve("a"), dir.resolve("b"))).isFalse();

        assertThat(Files.isDirectory(dir.resolve("a"))).isTrue();
    }

    @Test
    void givenManyThreadsCreatingTheSameFolders_thenAllSucceed() throws Exception {
        Path deep = dir.resolve("archives/www.example.test");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    ops.createDirectories(deep, FileOps.PUBLIC_DIR);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(Files.isDirectory(deep)).isTrue();
    }

    @Test
    void givenLinkToAFolder_thenDeleteTreeRemovesTheLinkNotTheFolder() throws Exception {
        Path target = dir.resolve("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("f"), "keep");
        Path link = dir.resolve("link");
        Files.createSymbolicLink(link, target);

        ops.deleteTree(link);

        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(target.resolve("f"))).isEqualTo("keep");
    }
}
