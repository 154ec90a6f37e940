package org.certmgr.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code in docs/embedding.md and docs/adapters.md the same text as the compiled and
 * tested examples in this package.
 *
 * <p>A doc quotes a tagged region of a source file with a marker line
 * {@code <!-- snippet: <path from the project root>#<tag> -->} right before a fenced
 * {@code java} block; the file marks the region with {@code // tag::<tag>[]} and
 * {@code // end::<tag>[]} lines.
 */
class DocumentedExamplesTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: (\\S+)#(\\S+) -->\\n```java\\n(.*?)```\\n", Pattern.DOTALL);
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final String EXAMPLES = "certmgr-cli/src/test/java/org/certmgr/examples/";

    @Test
    void givenTheDocs_thenEveryQuotedSnippetIsTheTextOfItsSourceFile() throws IOException {
        Map<String, String> quoted = new LinkedHashMap<>();
        quoted.putAll(snippets("docs/embedding.md"));
        quoted.putAll(snippets("docs/adapters.md"));

        assertThat(quoted.keySet()).contains(EXAMPLES + "ManageOneCertificate.java#program",
                EXAMPLES + "ManageFromConfigFile.java#config-file",
                EXAMPLES + "InAppChallengeResponder.java#adapter",
                EXAMPLES + "InAppChallengesAgainstPebbleIT.java#handler",
                EXAMPLES + "InAppChallengeResponderTest.java#contract-test");
        quoted.forEach((where, text) -> {
            String[] parts = where.split("#");
            assertThat(text).as(where).isEqualTo(region(ROOT.resolve(parts[0]), parts[1]));
        });
    }

    @Test
    void givenTheEmbeddingExample_thenItsCodeTakesAtMostFifteenLines() throws IOException {
        String program = region(ROOT.resolve(EXAMPLES + "ManageOneCertificate.java"), "program");

        List<String> body = methodBodies(program);

        assertThat(body).as(String.join("\n", body)).hasSizeBetween(5, 15);
    }

    private static Map<String, String> snippets(String doc) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = SNIPPET.matcher(Files.readString(ROOT.resolve(doc)));
        while (m.find()) {
            found.put(m.group(1) + "#" + m.group(2), m.group(3));
        }
        return found;
    }

    /**
     * The lines between {@code // tag::<tag>[]} and {@code // end::<tag>[]}, each ending in a newline,
     * without the indentation of the tag line.
     */
    private static String region(Path file, String tag) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
        int start = indexOfStripped(lines, "// tag::" + tag + "[]");
        int end = indexOfStripped(lines, "// end::" + tag + "[]");
        assertThat(start).as(file + " tag " + tag).isNotNegative().isLessThan(end);
        String indent = lines.get(start).substring(0, lines.get(start).indexOf('/'));
        StringBuilder text = new StringBuilder();
        lines.subList(start + 1, end).forEach(line -> text.append(line.startsWith(indent)
                ? line.substring(indent.length()) : line.strip()).append('\n'));
        return text.toString();
    }

    private static int indexOfStripped(List<String> lines, String wanted) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The non-blank lines inside the methods of a class whose members are indented by four spaces. */
    private static List<String> methodBodies(String source) {
        List<String> body = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (line.startsWith("    ") && !line.startsWith("     ") && line.endsWith("{") && line.contains("(")) {
                inside = true;
            } else if (line.equals("    }")) {
                inside = false;
            } else if (inside && !line.isBlank()) {
                body.add(line);
            }
        }
        return body;
    }
}
