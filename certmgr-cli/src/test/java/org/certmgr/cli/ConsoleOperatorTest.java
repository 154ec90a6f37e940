package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

    @Test
    void givenCertificateNames_thenTheVariableNameIsUpperCaseWithUnderscores() {
        assertThat(ConsoleOperator.variableFor("www.example-1.com")).isEqualTo("WWW_EXAMPLE_1_COM_PASSPHRASE");
        assertThat(ConsoleOperator.variableFor("xn--bcher-kva.example")).isEqualTo("XN__BCHER_KVA_EXAMPLE_PASSPHRASE");
    }

    @Test
    void givenThePassphraseInTheEnvironment_thenItIsUsedWithoutAsking() {
        ScriptedTerminal terminal = new ScriptedTerminal("typed");
        ConsoleOperator operator = new ConsoleOperator(Map.of("EXAMPLE_COM_PASSPHRASE", "from-env",
                ConsoleOperator.ACCOUNT_PASSPHRASE_VARIABLE, "account-env"), Optional.of(terminal));

        assertThat(operator.passphrase("example.com")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("from-env"));
        assertThat(operator.passphrase("account")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("account-env"));
        assertThat(terminal.prompts).isEmpty();
    }

    @Test
    void givenNoEnvironmentButATerminal_thenThePersonIsAsked() {
        ScriptedTerminal terminal = new ScriptedTerminal("typed");
        ConsoleOperator operator = new ConsoleOperator(Map.of(), Optional.of(terminal));

        assertThat(operator.passphrase("example.com")).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("typed"));
        assertThat(terminal.prompts).singleElement().asString().contains("example.com");
    }

    @Test
    void givenNoTerminal_thenNothingBlocksAndNothingIsAccepted() {
        ConsoleOperator operator = new ConsoleOperator(Map.of(), Optional.empty());

        assertThat(operator.passphrase("example.com")).isEmpty();
        assertThat(operator.acceptTerms("https://ca.test/terms")).isFalse();
    }

    @Test
    void givenTheTermsQuestion_thenOnlyYesAccepts() {
        assertThat(new ConsoleOperator(Map.of(), Optional.of(new ScriptedTerminal("y"))).acceptTerms("u")).isTrue();
        assertThat(new ConsoleOperator(Map.of(), Optional.of(new ScriptedTerminal(" YES "))).acceptTerms("u")).isTrue();
        assertThat(new ConsoleOperator(Map.of(), Optional.of(new ScriptedTerminal(""))).acceptTerms("u")).isFalse();
        assertThat(new ConsoleOperator(Map.of(), Optional.of(new ScriptedTerminal("no"))).acceptTerms("u")).isFalse();
        assertThat(new ConsoleOperator(Map.of(), Optional.of(new ScriptedTerminal(null))).acceptTerms("u")).isFalse();
        ScriptedTerminal terminal = new ScriptedTerminal("y");
        new ConsoleOperator(Map.of(), Optional.of(terminal)).acceptTerms("https://ca.test/terms");
        assertThat(terminal.prompts).singleElement().asString().contains("https://ca.test/terms");
    }
}
