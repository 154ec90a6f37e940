package org.certmgr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of certmgr, from the resource Maven filtered at build time. */
final class Version {
    private Version() {
    }

    static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/org/certmgr/cli/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
