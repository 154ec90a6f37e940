package org.certmgr.adapters.fs.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subset of Python format strings the original tool's configuration uses: {@code {field}}
 * is replaced by a value, <code>{{</code> and <code>}}</code> stand for literal braces.
 *
 * <p>Conversions and format specifications ({@code {field!r}}, {@code {field:>8}}) and
 * positional fields ({@code {}}, {@code {0}}) are refused rather than silently misread.
 */
final class Template {
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Template() {
    }

    /** Receives each field as the template is read. */
    private interface FieldSink {
        void field(String name, StringBuilder out);
    }

    /**
     * Returns the names of the fields a template uses, in order of appearance.
     *
     * @throws IllegalArgumentException when the braces are malformed
     */
    static List<String> fields(String template) {
        List<String> names = new ArrayList<>();
        scan(template, (name, out) -> names.add(name));
        return names;
    }

    /**
     * Substitutes the fields.
     *
     * @throws IllegalArgumentException when the template is malformed or uses a field without a value
     */
    static String render(String template, Map<String, String> values) {
        return scan(template, (name, out) -> {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no value for field {" + name + "}");
            }
            out.append(value);
        });
    }

    private static String scan(String template, FieldSink sink) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            boolean doubled = i + 1 < template.length() && template.charAt(i + 1) == c;
            if ((c == '{' || c == '}') && doubled) {
                out.append(c);
                i += 2;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("\"{\" without a closing \"}\"; write \"{{\" for a literal brace");
                }
                String name = template.substring(i + 1, end);
                if (!FIELD_NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("\"{" + name + "}\" is not a field reference; write {name}"
                            + " with a field name only, or \"{{\" and \"}}\" for literal braces");
                }
                sink.field(name, out);
                i = end + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("\"}\" without an opening \"{\"; write \"}}\" for a literal brace");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
