package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleOperatorTest {

    /** A terminal that answers from a script and records the prompts. */
    private static final class ScriptedTerminal implements Terminal {
        final List<String> prompts = new ArrayList<>();
        final String answer;

        ScriptedTerminal(String answer) {
            this.answer = answer;
        }

        @Override
        public Optional<String> readLine(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(answer);
        }

        @Override
        public Optional<char[]> readSecret(String prompt) {
            prompts.add(prompt);
            return Optional.ofNullable(answer).map(String::toCharArray);
        }
    }

    private static ConsoleOperator operator(Map<String, String> environment, Optional<Terminal> terminal) {
        return new ConsoleOperator(environment, terminal, Optional.empty(),
                new StdinPassphrases(InputStream.nullInputStream(), List.of()));
    }

    @Test
    void givenPassOnTheCommandLine_thenItWinsOverTheEnvironmentForEveryKey() {
        ConsoleOperator operator = new ConsoleOperator(Map.of("EXAMPLE_COM_PASSPHRASE", "from-env"), Optional.empty(),
                Optional.of("from-option"), new StdinPassphrases(InputStream.nullInputStream(), List.of()));

        assertThat(operator.passphrase("example.com")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-option"));
        assertThat(operator.passphrase("account")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-option"));
    }

    @Test
    void givenPassphrasesOnStandardInput_thenLinesGoToKeysInConfigurationOrderWhateverTheOrderOfAsking() {
        InputStream stdin = new ByteArrayInputStream("for-account\nfor-a\n\nfor-c\n".getBytes(StandardCharsets.UTF_8));
        ConsoleOperator operator = new ConsoleOperator(Map.of("B_TEST_PASSPHRASE", "env-b"), Optional.empty(), Optional.empty(),
                new StdinPassphrases(stdin, List.of("account", "a.test", "b.test", "c.test")));

        assertThat(operator.passphrase("c.test")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("for-c"));
        assertThat(operator.passphrase("b.test")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("env-b"));
        assertThat(operator.passphrase("account")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("for-account"));
        assertThat(operator.passphrase("a.test")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("for-a"));
        assertThat(operator.passphrase("d.test")).isEmpty();
    }

    @Test
    void givenAnEmptyStandardInput_thenNoPassphraseAndNoWait() {
        ConsoleOperator operator = new ConsoleOperator(Map.of(), Optional.empty(), Optional.empty(),
                new StdinPassphrases(InputStream.nullInputStream(), List.of("a.test")));

        assertThat(operator.passphrase("a.test")).isEmpty();
    }

    @Test
    void givenCertificateNames_thenTheVariableNameIsUpperCaseWithUnderscores() {
        assertThat(ConsoleOperator.variableFor("www.example-1.com")).isEqualTo("WWW_EXAMPLE_1_COM_PASSPHRASE");
        assertThat(ConsoleOperator.variableFor("xn--bcher-kva.example")).isEqualTo("XN__BCHER_KVA_EXAMPLE_PASSPHRASE");
    }

    @Test
    void givenThePassphraseInTheEnvironment_thenItIsUsedWithoutAsking() {
        ScriptedTerminal terminal = new ScriptedTerminal("typed");
        ConsoleOperator operator = operator(Map.of("EXAMPLE_COM_PASSPHRASE", "from-env",
                ConsoleOperator.ACCOUNT_PASSPHRASE_VARIABLE, "account-env"), Optional.of(terminal));

        assertThat(operator.passphrase("example.com")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-env"));
        assertThat(operator.passphrase("account")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("account-env"));
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void givenNoEnvironmentButATerminal_thenThePersonIsAsked() {
        ScriptedTerminal terminal = new ScriptedTerminal("typed");
        ConsoleOperator operator = operator(Map.of(), Optional.of(terminal));

        assertThat(operator.passphrase("example.com")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("typed"));
        assertThat(terminal.prompts).singleElement().asString().contains("example.com");
    }

    @Test
    void givenNoTerminal_thenNothingBlocksAndNothingIsAccepted() {
        ConsoleOperator operator = operator(Map.of(), Optional.empty());

        assertThat(operator.passphrase("example.com")).isEmpty();
        assertThat(operator.acceptTerms("https://ca.test/terms")).isFalse();
    }

    @Test
    void givenTheTermsQuestion_thenOnlyYesAccepts() {
        assertThat(operator(Map.of(), Optional.of(new ScriptedTerminal("y"))).acceptTerms("u")).isTrue();
        assertThat(operator(Map.of(), Optional.of(new ScriptedTerminal(" YES "))).acceptTerms("u")).isTrue();
        assertThat(operator(Map.of(), Optional.of(new ScriptedTerminal(""))).acceptTerms("u")).isFalse();
        assertThat(operator(Map.of(), Optional.of(new ScriptedTerminal("no"))).acceptTerms("u")).isFalse();
        assertThat(operator(Map.of(), Optional.of(new ScriptedTerminal(null))).acceptTerms("u")).isFalse();
        ScriptedTerminal terminal = new ScriptedTerminal("y");
        operator(Map.of(), Optional.of(terminal)).acceptTerms("https://ca.test/terms");
        assertThat(terminal.prompts).singleElement().asString().contains("https://ca.test/terms");
    }
}
