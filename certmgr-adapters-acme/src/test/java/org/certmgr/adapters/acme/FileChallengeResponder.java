package org.certmgr.adapters.acme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.testkit.pebble.ChallengeWebServer;

/** Writes http-01 responses into a {@link ChallengeWebServer}'s web root and records what it did. */
final class FileChallengeResponder implements ChallengeResponder {
    private final ChallengeWebServer web;
    private final boolean writeWrongContent;
    final List<Path> deployed = new CopyOnWriteArrayList<>();
    final List<HttpChallenge> removed = new CopyOnWriteArrayList<>();

    FileChallengeResponder(ChallengeWebServer web, boolean writeWrongContent) {
        this.web = web;
        this.writeWrongContent = writeWrongContent;
    }

    static FileChallengeResponder correct(ChallengeWebServer web) {
        return new FileChallengeResponder(web, false);
    }

    static FileChallengeResponder wrong(ChallengeWebServer web) {
        return new FileChallengeResponder(web, true);
    }

    private Path file(HttpChallenge challenge) {
        return web.challengeDirectory(challenge.domain().ascii()).resolve(challenge.token());
    }

    @Override
    public String deploy(HttpChallenge challenge) throws ChallengeException {
        Path file = file(challenge);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, writeWrongContent ? "not-" + challenge.content() : challenge.content(),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ChallengeException("cannot write the challenge for " + challenge.domain() + " to " + file, e);
        }
        deployed.add(file);
        return file.toString();
    }

    @Override
    public void remove(HttpChallenge challenge) {
        removed.add(challenge);
        try {
            Files.deleteIfExists(file(challenge));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
