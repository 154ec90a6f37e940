package org.certmgr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of certmgr, from the resource Maven filtered at build time. */
final class Version {
    private Version() {
    }

    /**
     * The version and the time of the build: what tells one build from another, for data a
     * build may write differently (the settled certificates).
     */
    static String build() {
        return current() + " built " + property("built");
    }

    static String current() {
        return property("version");
    }

    private static String property(String name) {
        try (InputStream in = Version.class.getResourceAsStream("/org/certmgr/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(name, "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
