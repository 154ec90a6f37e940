package org.certmgr.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.certmgr.testkit.pebble.ChallengeWebServer;
import org.certmgr.testkit.pebble.PebbleServer;

/** The configuration the fault-injection tests share: Pebble, its challenge web server, small keys. */
final class FaultConfigs {
    private FaultConfigs() {
    }

    /**
     * Writes {@code dir/certmgr.json}.
     *
     * @param data         the data folder
     * @param challengeDir {@code http_challenge_dir}
     * @param top          more top-level sections, each starting with a comma, or ""
     * @param certificates the {@code certificates} value
     * @return the file
     */
    static Path write(Path dir, PebbleServer pebble, Path data, Path challengeDir, String top, String certificates)
            throws IOException {
        return ConfigFiles.write(dir, "certmgr.json", "{\n"
                + "  \"account\": { \"agree_to_terms\": true },\n"
                + "  \"settings\": {\n"
                + "    \"data_dir\": " + ConfigFiles.json(data) + ",\n"
                + "    \"log_file\": null,\n"
                + "    \"lock_file\": " + ConfigFiles.json(dir.resolve("certmgr.lock")) + ",\n"
                + "    \"key_size\": 2048, \"key_curve\": \"secp256r1\",\n"
                + "    \"http_challenge_dir\": " + ConfigFiles.json(challengeDir) + ",\n"
                + "    \"acme_directory_url\": \"" + pebble.directoryUrl() + "\",\n"
                + "    \"acme_ca_bundle\": " + ConfigFiles.json(pebble.trustAnchorPem()) + "\n"
                + "  }" + top + ",\n"
                + "  \"certificates\": " + certificates + "\n"
                + "}\n");
    }

    /** The challenge directory template that the web server serves. */
    static Path served(ChallengeWebServer web) {
        return web.webRoot().resolve("{fqdn}/.well-known/acme-challenge");
    }
}
