package org.certmgr.testkit.pebble;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the Pebble binaries on the {@code PATH}, or where the Debian package puts them. */
final class Executables {
    private static final Path DEBIAN_DIR = Path.of("/usr/bin");

    private Executables() {
    }

    /**
     * Finds an executable.
     *
     * @param name the file name, e.g. {@code pebble}
     * @return its absolute path
     * @throws IOException when it is not installed, saying how to install it
     */
    static Path find(String name) throws IOException {
        return find(name, System.getenv("PATH"));
    }

    /**
     * Finds an executable on a given search path.
     *
     * @param name       the file name
     * @param searchPath a {@code PATH} value, may be null
     * @return its absolute path
     * @throws IOException when it is not found
     */
    static Path find(String name, String searchPath) throws IOException {
        List<Path> dirs = new ArrayList<>();
        if (searchPath != null) {
            for (String entry : searchPath.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        dirs.add(DEBIAN_DIR);
        for (Path dir : dirs) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IOException(name + " is not installed: " + PebbleServer.INSTALL_HINT);
    }
}
