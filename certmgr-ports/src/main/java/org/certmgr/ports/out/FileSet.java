package org.certmgr.ports.out;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.certmgr.domain.CertificateFiles;

/**
 * The complete set of files of one certificate, by path relative to its folder
 * (e.g. {@code rsa/keys/key.pem}).
 *
 * <p>Paths are checked: forward-slash separated components of letters, digits, {@code .},
 * {@code _}, {@code +} and {@code -}, none of them {@code .} or {@code ..} and none
 * starting with a dot, so a file set can never write outside its folder. Files under a
 * {@code keys/} folder are secret.
 */
public final class FileSet {
    private static final Pattern COMPONENT = Pattern.compile("[A-Za-z0-9_+-][A-Za-z0-9._+-]*");

    private final Map<String, byte[]> files;

    private FileSet(Map<String, byte[]> files) {
        this.files = files;
    }

    /**
     * Creates a file set, copying the contents.
     *
     * @param files relative path → content
     * @return the file set
     * @throws IllegalArgumentException for a path that is not a safe relative path
     */
    public static FileSet of(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new TreeMap<>();
        files.forEach((path, content) -> {
            checkPath(path);
            copy.put(path, content.clone());
        });
        return new FileSet(Collections.unmodifiableMap(copy));
    }

    /**
     * Checks a relative path.
     *
     * @param path the path
     * @throws IllegalArgumentException when it is absolute, empty, or has an unsafe component
     */
    public static void checkPath(String path) {
        Objects.requireNonNull(path, "path");
        String[] parts = path.split("/", -1);
        for (String part : parts) {
            if (!COMPONENT.matcher(part).matches()) {
                throw new IllegalArgumentException("unsafe file name \"" + path + "\"");
            }
        }
    }

    /**
     * Returns the relative paths, sorted.
     *
     * @return the paths
     */
    public java.util.Set<String> paths() {
        return files.keySet();
    }

    /**
     * Returns the content of a file.
     *
     * @param path relative path
     * @return a copy of the content, or empty when the set has no such file
     */
    public Optional<byte[]> content(String path) {
        byte[] c = files.get(path);
        return c == null ? Optional.empty() : Optional.of(c.clone());
    }

    /**
     * Returns the content of a file as UTF-8 text.
     *
     * @param path relative path
     * @return the text, or empty when the set has no such file
     */
    public Optional<String> text(String path) {
        byte[] c = files.get(path);
        return c == null ? Optional.empty() : Optional.of(new String(c, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Tells whether the file holds secret material and must be created readable only by
     * owner and group.
     *
     * @param path relative path
     * @return true for private key files
     */
    public static boolean isSecret(String path) {
        return CertificateFiles.isSecret(path);
    }

    /**
     * Returns a new set with the files of {@code other} added or replaced.
     *
     * @param other files to add
     * @return the merged set
     */
    public FileSet with(FileSet other) {
        Map<String, byte[]> merged = new TreeMap<>(files);
        merged.putAll(other.files);
        return new FileSet(Collections.unmodifiableMap(merged));
    }

    /**
     * Returns the number of files.
     *
     * @return the count
     */
    public int size() {
        return files.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FileSet)) {
            return false;
        }
        Map<String, byte[]> other = ((FileSet) o).files;
        if (!other.keySet().equals(files.keySet())) {
            return false;
        }
        return files.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), other.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return files.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "FileSet" + files.keySet();
    }
}
