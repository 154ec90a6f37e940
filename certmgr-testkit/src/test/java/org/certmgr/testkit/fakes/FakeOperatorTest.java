package org.certmgr.testkit.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.certmgr.testkit.fakes.FakeOperator.Question;
import org.junit.jupiter.api.Test;

class FakeOperatorTest {

    @Test
    void givenNothingSet_thenItRefusesTermsAndHasNoPassphrase_likeAnAbsentOperator() {
        FakeOperator operator = new FakeOperator();

        assertThat(operator.acceptTerms("https://ca.test/terms")).isFalse();
        assertThat(operator.passphrase("account")).isEmpty();
        assertThat(operator.questions()).containsExactly(new Question(Question.Kind.TERMS, "https://ca.test/terms"),
                new Question(Question.Kind.PASSPHRASE, "account"));
    }

    @Test
    void givenAnswers_thenItGivesThem_perKeyBeforeTheDefault() {
        FakeOperator operator = new FakeOperator().acceptsTerms(true)
                .knowsPassphrase("example.test", "specific").knowsPassphraseForAnyKey("default");

        assertThat(operator.acceptTerms("https://ca.test/terms")).isTrue();
        assertThat(operator.passphrase("example.test")).hasValueSatisfying(p -> assertThat(p).containsExactly("specific".toCharArray()));
        assertThat(operator.passphrase("account")).hasValueSatisfying(p -> assertThat(p).containsExactly("default".toCharArray()));
    }

    @Test
    void givenCallerClearsThePassphrase_thenTheNextAnswerIsIntact() {
        FakeOperator operator = new FakeOperator().knowsPassphrase("account", "secret");

        char[] first = operator.passphrase("account").orElseThrow();
        Arrays.fill(first, '\0');

        assertThat(operator.passphrase("account")).hasValueSatisfying(p -> assertThat(p).containsExactly("secret".toCharArray()));
    }
}
