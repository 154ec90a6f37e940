package org.certmgr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every component of a public record in the domain and the ports is documented with an
 * {@code @param} in the record's Javadoc: the build's doclint checks every other public
 * member, but not record components.
 */
class RecordJavadocTest {
    private static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
    private static final Pattern RECORD = Pattern.compile(
            "(?m)^[ \\t]*((?:public|protected|private)\\s+)?(?:static\\s+)?(?:final\\s+)?record\\s+(\\w+)\\s*(?:<[^>]*>)?\\(");
    private static final Pattern PUBLIC_TOP_LEVEL = Pattern.compile(
            "(?m)^public\\s+(?:final\\s+|abstract\\s+|sealed\\s+)*(class|interface|record|enum|@interface)\\s");
    private int checkedRecords;

    @Test
    void givenThePublicRecordsOfDomainAndPorts_thenEachComponentHasAnAtParam() throws IOException {
        List<Path> sources = sources("certmgr-domain", "certmgr-ports");
        List<String> undocumented = new ArrayList<>();

        for (Path file : sources) {
            undocumented.addAll(undocumentedComponents(file));
        }

        assertThat(sources).hasSizeGreaterThan(50);
        assertThat(checkedRecords).isGreaterThan(30);
        assertThat(undocumented).isEmpty();
    }

    @Test
    void givenARecordWithoutAtParamForAComponent_thenItIsFound(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("Pair.java");
        Files.writeString(file, "package x;\n/**\n * A pair.\n *\n * @param left the left one\n */\n"
                + "public record Pair(java.util.Map<String, Integer> left, int right) {\n}\n");

        assertThat(undocumentedComponents(file)).containsExactly(file.getFileName() + ": Pair.right");
    }

    private static List<Path> sources(String... modules) throws IOException {
        List<Path> all = new ArrayList<>();
        for (String module : modules) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    private List<String> undocumentedComponents(Path file) throws IOException {
        String source = Files.readString(file);
        List<String> missing = new ArrayList<>();
        Matcher topLevel = PUBLIC_TOP_LEVEL.matcher(source);
        if (!topLevel.find()) {
            return missing;
        }
        boolean inInterface = topLevel.group(1).equals("interface");
        Matcher record = RECORD.matcher(source);
        while (record.find()) {
            String modifier = record.group(1) == null ? "" : record.group(1).strip();
            if (!(modifier.equals("public") || modifier.equals("protected") || modifier.isEmpty() && inInterface
                    || record.start() == topLevel.start())) {
                continue;
            }
            checkedRecords++;
            String javadoc = javadocBefore(source, record.start());
            for (String component : components(source, record.end())) {
                if (!Pattern.compile("@param\\s+" + component + "\\b").matcher(javadoc).find()) {
                    missing.add(file.getFileName() + ": " + record.group(2) + "." + component);
                }
            }
        }
        return missing;
    }

    private static String javadocBefore(String source, int declaration) {
        String before = source.substring(0, declaration).stripTrailing();
        if (!before.endsWith("*/")) {
            return "";
        }
        int start = before.lastIndexOf("/**");
        return start < 0 ? "" : before.substring(start);
    }

    /** The component names of a record header whose text starts at {@code from}, after its {@code (}. */
    private static List<String> components(String source, int from) {
        List<String> names = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = from; ; i++) {
            char c = source.charAt(i);
            if (depth == 0 && (c == ',' || c == ')')) {
                String declaration = current.toString().replaceAll("@\\w+(\\([^)]*\\))?", "").strip();
                if (!declaration.isEmpty()) {
                    names.add(declaration.substring(declaration.lastIndexOf(' ') + 1).strip());
                }
                current.setLength(0);
                if (c == ')') {
                    return names;
                }
                continue;
            }
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            }
            current.append(c);
        }
    }
}
