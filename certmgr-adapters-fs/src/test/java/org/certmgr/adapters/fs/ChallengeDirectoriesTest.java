package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certmgr.adapters.fs.FsTestFiles.mode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HttpChallenge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeDirectoriesTest {
    private static final DnsName WWW = DnsName.of("www.example.test");
    private static final DnsName IDN = DnsName.of("bücher.example.test");

    @TempDir
    Path webRoot;

    private String template() {
        return webRoot + "/{fqdn}/.well-known/acme-challenge";
    }

    @Test
    void givenTemplate_thenTheFileGoesToTheFolderOfTheAsciiName() throws Exception {
        ChallengeResponder responder = FsAdapters.challengeDirectories(Map.of(), Optional.of(template()));

        String where = responder.deploy(new HttpChallenge(IDN, "tok_1", "tok_1.thumb"));

        Path expected = webRoot.resolve("xn--bcher-kva.example.test/.well-known/acme-challenge/tok_1");
        assertThat(where).isEqualTo(expected.toString());
        assertThat(Files.readString(expected)).isEqualTo("tok_1.thumb");
    }

    @Test
    void givenExplicitFolderAndTemplate_thenTheExplicitFolderWins() throws Exception {
        Path explicit = webRoot.resolve("htdocs/.well-known/acme-challenge");
        ChallengeResponder responder = FsAdapters.challengeDirectories(Map.of(WWW, explicit), Optional.of(template()));

        responder.deploy(new HttpChallenge(WWW, "tok_2", "content"));

        assertThat(Files.readString(explicit.resolve("tok_2"))).isEqualTo("content");
        assertThat(Files.exists(webRoot.resolve(WWW.ascii()))).isFalse();
    }

    @Test
    void givenNeitherFolderNorTemplate_thenDeployFailsSayingWhatToConfigure() {
        ChallengeResponder responder = FsAdapters.challengeDirectories(Map.of(), Optional.empty());

        assertThatThrownBy(() -> responder.deploy(new HttpChallenge(WWW, "tok_3", "content")))
                .isInstanceOf(ChallengeException.class)
                .hasMessage("no http challenge directory is configured for www.example.test;"
                        + " add it to http_challenges or set settings.http_challenge_dir");
    }

    @Test
    void givenMissingFolders_thenTheyAreCreated0755AndTheFileIs0644() throws Exception {
        ChallengeResponder responder = FsAdapters.challengeDirectories(Map.of(), Optional.of(template()));

        responder.deploy(new HttpChallenge(WWW, "tok_4", "content"));

        Path dir = webRoot.resolve("www.example.test/.well-known/acme-challenge");
        assertThat(mode(dir)).isEqualTo("rwxr-xr-x");
        assertThat(mode(dir.getParent())).isEqualTo("rwxr-xr-x");
        assertThat(mode(dir.resolve("tok_4"))).isEqualTo("rw-r--r--");
    }

    @Test
    void givenFolderPathIsAFile_thenDeployFailsNamingTheNameAndPath() throws Exception {
        Path blocker = webRoot.resolve("blocker");
        Files.writeString(blocker, "not a folder");
        ChallengeResponder responder = FsAdapters.challengeDirectories(Map.of(WWW, blocker.resolve("acme")),
                Optional.empty());

        assertThatThrownBy(() -> responder.deploy(new HttpChallenge(WWW, "tok_5", "content")))
                .isInstanceOf(ChallengeException.class)
                .hasMessageContaining("www.example.test").hasMessageContaining(blocker.toString());
    }

    @Test
    void givenRemove_thenOnlyThatTokenFileGoes() throws Exception {
        ChallengeResponder responder = FsAdapters.challengeDirectories(Map.of(), Optional.of(template()));
        HttpChallenge one = new HttpChallenge(WWW, "tok_6", "one");
        HttpChallenge two = new HttpChallenge(WWW, "tok_7", "two");
        responder.deploy(one);
        responder.deploy(two);

        responder.remove(one);

        Path dir = webRoot.resolve("www.example.test/.well-known/acme-challenge");
        assertThat(Files.exists(dir.resolve("tok_6"))).isFalse();
        assertThat(Files.readString(dir.resolve("tok_7"))).isEqualTo("two");
    }

    @Test
    void givenRemoveOfUnconfiguredName_thenNothingIsThrown() {
        ChallengeResponder responder = FsAdapters.challengeDirectories(Map.of(), Optional.empty());

        assertThatCode(() -> responder.remove(new HttpChallenge(WWW, "tok_8", "x"))).doesNotThrowAnyException();
    }
}
