package org.certmgr.adapters.fs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CommandSplitterTest {

    @Test
    void givenBlanksAndQuotes_thenArgumentsAreSplitLikeAShellWould() {
        assertThat(CommandSplitter.split("  systemctl\treload   nginx ").args())
                .containsExactly("systemctl", "reload", "nginx");
        assertThat(CommandSplitter.split("cp 'a b' \"c \\\"d\\\" $e\" f\\ g h''").args())
                .containsExactly("cp", "a b", "c \"d\" $e", "f g", "h");
        assertThat(CommandSplitter.split("echo '' \"\"").args()).containsExactly("echo", "", "");
    }

    @Test
    void givenShellSyntaxOutsideQuotes_thenItIsReported() {
        assertThat(CommandSplitter.split("a | b").looksLikeShell()).isTrue();
        assertThat(CommandSplitter.split("echo $HOME").looksLikeShell()).isTrue();
        assertThat(CommandSplitter.split("ls ~/x").looksLikeShell()).isTrue();
        assertThat(CommandSplitter.split("echo 'a | b' \"$x\"").looksLikeShell()).isFalse();
        assertThat(CommandSplitter.split("scp a host:~/x").looksLikeShell()).isFalse();
    }

    @Test
    void givenBrokenQuoting_thenItIsRefused() {
        assertThatThrownBy(() -> CommandSplitter.split("echo 'a")).hasMessage("a single quote is not closed");
        assertThatThrownBy(() -> CommandSplitter.split("echo \"a")).hasMessage("a double quote is not closed");
        assertThatThrownBy(() -> CommandSplitter.split("echo a\\")).hasMessage("the command ends with a backslash");
        assertThatThrownBy(() -> CommandSplitter.split("   ")).hasMessage("the command is empty");
    }
}
