package org.certmgr.adapters.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.certmgr.adapters.fs.config.HookCommand;
import org.certmgr.domain.DnsName;
import org.certmgr.ports.out.ChallengeException;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.HookEvent;
import org.certmgr.ports.out.HookRunner;
import org.certmgr.ports.out.HttpChallenge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeDirectoriesHooksTest {
    private static final DnsName IDN = DnsName.of("bücher.example.test");

    @TempDir
    Path webRoot;

    private final List<String> calls = new ArrayList<>();
    private final List<String> logged = new ArrayList<>();

    /** Records each call with whether the token file existed at that moment. */
    private final HookRunner recording = (event, fields, passphrase) -> {
        calls.add(event.id() + " domain=" + fields.get("domain") + " file=" + fields.get("challenge_file")
                + " fields=" + fields.size() + " exists=" + Files.exists(Path.of(fields.get("challenge_file")))
                + " passphrase=" + passphrase.isPresent());
        return List.of();
    };

    private ChallengeResponder responder(HookRunner hooks) {
        return new ChallengeDirectories(Map.of(), Optional.of(webRoot + "/{fqdn}"), hooks, logged::add);
    }

    @Test
    void givenDeployAndRemove_thenSetRunsAfterTheFileIsWrittenAndClearAfterItIsGone() throws Exception {
        ChallengeResponder responder = responder(recording);
        HttpChallenge challenge = new HttpChallenge(IDN, "tok_1", "tok_1.thumb");
        Path file = webRoot.resolve("xn--bcher-kva.example.test/tok_1");

        responder.deploy(challenge);
        responder.remove(challenge);

        String fields = " domain=xn--bcher-kva.example.test file=" + file + " fields=2";
        assertThat(calls).containsExactly("set_http_challenge" + fields + " exists=true passphrase=false",
                "clear_http_challenge" + fields + " exists=false passphrase=false");
    }

    @Test
    void givenRemoveOfAChallengeAlreadyGone_thenTheClearHookDoesNotRunAgain() throws Exception {
        ChallengeResponder responder = responder(recording);
        HttpChallenge challenge = new HttpChallenge(IDN, "tok_2", "tok_2.thumb");

        responder.deploy(challenge);
        responder.remove(challenge);
        responder.remove(challenge);

        assertThat(calls).hasSize(2);
    }

    @Test
    void givenFailingDeploy_thenTheSetHookDoesNotRun() throws Exception {
        Files.writeString(webRoot.resolve("xn--bcher-kva.example.test"), "a file in the way");
        ChallengeResponder responder = responder(recording);

        assertThatThrownBy(() -> responder.deploy(new HttpChallenge(IDN, "tok_3", "c")))
                .isInstanceOf(ChallengeException.class);
        assertThat(calls).isEmpty();
    }

    @Test
    void givenHookWarnings_thenTheyAreLogged() throws Exception {
        ChallengeResponder responder = responder((event, fields, passphrase) -> List.of("hook " + event.id() + ": bad"));
        HttpChallenge challenge = new HttpChallenge(IDN, "tok_4", "c");

        responder.deploy(challenge);
        responder.remove(challenge);

        assertThat(logged).containsExactly("hook set_http_challenge: bad", "hook clear_http_challenge: bad");
    }

    @Test
    void givenRealHookCommand_thenItSeesTheTokenFileWithItsContent() throws Exception {
        Path seen = webRoot.resolve("seen");
        HookRunner hooks = new CommandHookRunner(Map.of(HookEvent.SET_HTTP_CHALLENGE, List.of(new HookCommand(
                List.of("/bin/sh", "-c", "printf '%s %s' \"$1\" \"$(cat \"$2\")\" > " + seen, "sh", "{domain}",
                        "{challenge_file}"), Duration.ofSeconds(30)))),
                webRoot, new ProcessRunner(new RecordingOutput()), System.getenv());

        responder(hooks).deploy(new HttpChallenge(IDN, "tok_5", "tok_5.thumb"));

        assertThat(Files.readString(seen)).isEqualTo("xn--bcher-kva.example.test tok_5.thumb");
    }

    @Test
    void givenInterruptDuringTheSetHook_thenDeployFailsAndTheInterruptIsKept() {
        ChallengeResponder responder = responder((event, fields, passphrase) -> {
            throw new InterruptedException();
        });

        try {
            assertThatThrownBy(() -> responder.deploy(new HttpChallenge(IDN, "tok_6", "c")))
                    .isInstanceOf(ChallengeException.class)
                    .hasMessage("interrupted while the set_http_challenge hook ran for xn--bcher-kva.example.test");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
