package org.certmgr.adapters.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.certmgr.testkit.contract.ChallengeResponderContract;
import org.junit.jupiter.api.io.TempDir;

class ChallengeDirectoriesContractTest extends ChallengeResponderContract {
    @TempDir
    Path webRoot;
    private final Map<DnsName, Path> directories = new HashMap<>();

    @Override
    protected ChallengeResponder newResponder(Set<DnsName> served) {
        directories.clear();
        for (DnsName name : served) {
            directories.put(name, webRoot.resolve(name.ascii()).resolve(".well-known/acme-challenge"));
        }
        return FsAdapters.challengeDirectories(directories, Optional.empty());
    }

    @Override
    protected Optional<String> served(HttpChallenge challenge) throws Exception {
        Path file = directories.get(challenge.domain()).resolve(challenge.token());
        return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
    }
}
