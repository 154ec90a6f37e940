package org.certmgr.adapters.fs;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import org.certmgr.ports.out.FileSet;

/** Reads the regular files below a folder into a {@link FileSet}. */
final class FolderReader {

    private FolderReader() {
    }

    /**
     * Reads every regular file below {@code folder}, without following links inside it.
     *
     * <p>Files and folders whose names a {@link FileSet} refuses (dot files, odd characters,
     * e.g. an editor's backup in a folder left by the Python tool) are not part of the set;
     * they are still archived with their folder.
     *
     * @param folder a real folder
     * @return the files by relative path
     * @throws IOException when a file cannot be read
     */
    static FileSet read(Path folder) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(folder) || isValid(relative(folder, dir))) {
                    return FileVisitResult.CONTINUE;
                }
                return FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String path = relative(folder, file);
                if (attrs.isRegularFile() && isValid(path)) {
                    files.put(path, Files.readAllBytes(file));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
                throw exc;
            }
        });
        return FileSet.of(files);
    }

    private static String relative(Path folder, Path file) {
        Path rel = folder.relativize(file);
        StringBuilder sb = new StringBuilder();
        for (Path part : rel) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    private static boolean isValid(String path) {
        try {
            FileSet.checkPath(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
