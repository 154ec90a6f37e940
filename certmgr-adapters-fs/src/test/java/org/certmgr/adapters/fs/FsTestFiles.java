package org.certmgr.adapters.fs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.certmgr.ports.out.FileSet;
import org.certmgr.ports.out.StoreException;
import org.certmgr.ports.out.StoredAccount;

/** Helpers for looking at what the stores left on disk. */
final class FsTestFiles {

    private FsTestFiles() {
    }

    static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    static long inode(Path path) throws IOException {
        return (Long) Files.getAttribute(path, "unix:ino");
    }

    static FileSet readThroughLink(Path linkOrFolder) throws IOException {
        return FolderReader.read(linkOrFolder.toRealPath());
    }

    static List<Path> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /**
     * The generations of a certificate that are not yet archived: the current one, and any
     * left by a crash. The replaced generation a commit keeps for readers (it has an
     * {@code .archived} marker) is left out, and so is the marker.
     */
    static List<Path> liveGenerations(Path generationsDir) throws IOException {
        List<Path> all = entries(generationsDir);
        return all.stream()
                .filter(p -> !p.getFileName().toString().endsWith(StoreLayout.ARCHIVED_SUFFIX))
                .filter(p -> !all.contains(p.resolveSibling(p.getFileName() + StoreLayout.ARCHIVED_SUFFIX)))
                .toList();
    }

    /** The archive folders of a certificate, oldest first ({@code stamp}, {@code stamp.1}, ...). */
    static List<Path> archiveFolders(Path dataDir, String name) throws IOException {
        List<Path> folders = new ArrayList<>(entries(dataDir.resolve("archives").resolve(name)));
        // An archive copy being made (.archiving~<id>) is not an archive yet.
        folders.removeIf(p -> p.getFileName().toString().startsWith("."));
        folders.sort(Comparator.comparing((Path p) -> stamp(p)).thenComparingInt(FsTestFiles::suffix));
        return folders;
    }

    static List<FileSet> archivedSets(Path dataDir, String name) throws IOException {
        List<FileSet> sets = new ArrayList<>();
        for (Path folder : archiveFolders(dataDir, name)) {
            sets.add(FolderReader.read(folder));
        }
        return sets;
    }

    /** The account kept in an archive folder of {@code archives/account}. */
    static StoredAccount archivedAccount(Path folder) throws IOException, StoreException {
        Path registration = folder.resolve("registration.json");
        return new StoredAccount(Files.readString(folder.resolve("client.key")),
                AccountJson.read(registration, Files.readAllBytes(registration)).registration());
    }

    /** Names in {@code data_dir} that only a commit in progress should have. */
    static List<String> temporaryLinks(Path dataDir) {
        try {
            return entries(dataDir).stream().map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".tmp-link~")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stamp(Path folder) {
        String name = folder.getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static int suffix(Path folder) {
        String name = folder.getFileName().toString();
        int dot = name.indexOf('.');
        return dot < 0 ? 0 : Integer.parseInt(name.substring(dot + 1));
    }
}
