package org.certmgr.testkit.fakes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.certmgr.ports.out.Operator;

/**
 * An {@link Operator} whose answers a test sets beforehand, and which records every question
 * it was asked.
 *
 * <p>By default it behaves like {@link Operator#ABSENT}: refuses the terms and has no
 * passphrase. It never blocks. Each passphrase answer is a fresh copy, so a caller that
 * clears it (as it should) does not change later answers. Thread safe.
 */
public final class FakeOperator implements Operator {

    /**
     * A question the operator was asked.
     *
     * @param kind    what was asked
     * @param subject the terms URL, or the key name the passphrase is for
     */
    public record Question(Kind kind, String subject) {
        /** What was asked. */
        public enum Kind {
            /** {@link Operator#acceptTerms}. */
            TERMS,
            /** {@link Operator#passphrase}. */
            PASSPHRASE
        }
    }

    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private final Map<String, char[]> passphrases = new HashMap<>();
    private volatile boolean acceptsTerms;
    private char[] defaultPassphrase;

    /** Creates an operator that refuses the terms and knows no passphrase. */
    public FakeOperator() {
        // Answers are set by the test.
    }

    /**
     * Sets the answer to the terms question.
     *
     * @param accept whether the operator accepts the terms
     * @return this
     */
    public FakeOperator acceptsTerms(boolean accept) {
        this.acceptsTerms = accept;
        return this;
    }

    /**
     * Sets the passphrase the operator gives for one key.
     *
     * @param keyName    a certificate name, or {@code "account"}
     * @param passphrase the passphrase; copied
     * @return this
     */
    public synchronized FakeOperator knowsPassphrase(String keyName, String passphrase) {
        passphrases.put(Objects.requireNonNull(keyName, "keyName"), passphrase.toCharArray());
        return this;
    }

    /**
     * Sets the passphrase the operator gives for any key without its own.
     *
     * @param passphrase the passphrase; copied
     * @return this
     */
    public synchronized FakeOperator knowsPassphraseForAnyKey(String passphrase) {
        this.defaultPassphrase = passphrase.toCharArray();
        return this;
    }

    @Override
    public boolean acceptTerms(String termsUrl) {
        questions.add(new Question(Question.Kind.TERMS, termsUrl));
        return acceptsTerms;
    }

    @Override
    public synchronized Optional<char[]> passphrase(String keyName) {
        questions.add(new Question(Question.Kind.PASSPHRASE, keyName));
        char[] answer = passphrases.getOrDefault(keyName, defaultPassphrase);
        return answer == null ? Optional.empty() : Optional.of(answer.clone());
    }

    /**
     * Returns the questions asked so far, in order.
     *
     * @return an immutable copy
     */
    public List<Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public String toString() {
        return "FakeOperator[acceptsTerms=" + acceptsTerms + ", questions=" + questions.size() + "]";
    }
}
