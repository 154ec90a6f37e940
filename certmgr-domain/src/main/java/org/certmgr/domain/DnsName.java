package org.certmgr.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fully qualified DNS host name in its ASCII (A-label) form, lower case, without a
 * trailing dot.
 *
 * <p>Internationalized names are accepted and converted to Punycode following IDNA2008
 * (NFC normalisation, lower case, no IDNA2003 mapping); an {@code xn--} label must be
 * the valid Punycode of such a label. The rules checked are those a
 * public CA applies to http-01 identifiers: at most 253 characters, labels of 1 to 63
 * letters, digits and hyphens that neither start nor end with a hyphen, at least two
 * labels, a top-level label that is not all digits (so an IP address is refused), and no
 * wildcard (wildcards need dns-01, which certmgr does not do).
 *
 * <p>Because no label can be empty or contain {@code /} or NUL, a {@code DnsName} is
 * always a safe single path component.
 */
public final class DnsName implements Comparable<DnsName> {
    private static final Pattern LDH_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private final String ascii;

    private DnsName(String ascii) {
        this.ascii = ascii;
    }

    /**
     * Validates a host name and returns it in ASCII form.
     *
     * @param name the name as written by a person, possibly with Unicode characters
     * @return the validated name
     * @throws InvalidValueException naming the rule the name breaks
     */
    public static DnsName of(String name) {
        Objects.requireNonNull(name, "name");
        String shown = '"' + name + '"';
        if (name.isEmpty()) {
            throw new InvalidValueException("a DNS name cannot be empty");
        }
        if (name.indexOf('\0') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(shown.replace("\0", "\\0")
                    + " is not a DNS name: it contains a control character");
        }
        if (name.contains("*")) {
            throw new InvalidValueException(shown + " is a wildcard name; wildcards need dns-01 validation,"
                    + " which certmgr does not support");
        }
        String text = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replace('\u3002', '.').replace('\uFF0E', '.').replace('\uFF61', '.')
                .toLowerCase(Locale.ROOT);
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String[] labels = text.split("\\.", -1);
        if (labels.length < 2) {
            throw new InvalidValueException(shown + " is not a fully qualified DNS name (it needs a dot, e.g. \"www.example.com\")");
        }
        StringBuilder ascii = new StringBuilder();
        for (String label : labels) {
            if (ascii.length() > 0) {
                ascii.append('.');
            }
            ascii.append(asciiLabel(label, shown));
        }
        if (ascii.length() > MAX_NAME_LENGTH) {
            throw new InvalidValueException(shown + " is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (ALL_DIGITS.matcher(labels[labels.length - 1]).matches()) {
            throw new InvalidValueException(shown + " looks like an IP address, not a DNS name");
        }
        return new DnsName(ascii.toString());
    }

    private static String asciiLabel(String label, String shown) {
        if (label.isEmpty()) {
            throw new InvalidValueException(shown + " has an empty label (two dots in a row, or a leading dot)");
        }
        String ascii = label.chars().allMatch(c -> c < 0x80) ? label : "xn--" + Punycode.encode(label);
        if (ascii.length() > MAX_LABEL_LENGTH) {
            throw new InvalidValueException(shown + " has a label longer than " + MAX_LABEL_LENGTH + " characters");
        }
        if (!LDH_LABEL.matcher(ascii).matches()) {
            throw new InvalidValueException(shown + " has an invalid label \"" + label
                    + "\": only letters, digits and inner hyphens are allowed");
        }
        if (ascii.length() >= 4 && ascii.charAt(2) == '-' && ascii.charAt(3) == '-' && !ascii.startsWith("xn--")) {
            throw new InvalidValueException(shown + " has a label with hyphens in the third and fourth place,"
                    + " which is reserved for encoded names");
        }
        if (ascii.startsWith("xn--")) {
            checkALabel(ascii, shown);
        }
        return ascii;
    }

    /**
     * Refuses an {@code xn--} label that is not the Punycode of an internationalized label, as
     * a CA would: it must decode, hold at least one non-ASCII character and no control or
     * dot-like character, and encode back to itself.
     */
    private static void checkALabel(String ascii, String shown) {
        String unicode;
        try {
            unicode = Punycode.decode(ascii.substring(4));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(shown + " has an invalid label \"" + ascii + "\": it is not valid Punycode ("
                    + e.getMessage() + ")");
        }
        boolean plausible = unicode.chars().anyMatch(c -> c >= 0x80)
                && unicode.codePoints().noneMatch(c -> Character.isISOControl(c) || c == '.' || c == '\u3002'
                        || c == '\uFF0E' || c == '\uFF61' || Character.isWhitespace(c));
        String canonical = Normalizer.normalize(unicode, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        if (!plausible || !canonical.equals(unicode) || !("xn--" + Punycode.encode(canonical)).equals(ascii)) {
            throw new InvalidValueException(shown + " has an invalid label \"" + ascii + "\": it is not the Punycode"
                    + " form of an internationalized label");
        }
    }

    /**
     * Returns the ASCII form, e.g. {@code xn--bcher-kva.example}.
     *
     * @return the name as sent to the CA and used for folder names
     */
    public String ascii() {
        return ascii;
    }

    /**
     * Tells whether this name is {@code other} or below it.
     *
     * @param zone a zone name
     * @return true when this name equals the zone or ends with {@code "." + zone}
     */
    public boolean isWithin(DnsName zone) {
        return ascii.equals(zone.ascii) || ascii.endsWith("." + zone.ascii);
    }

    @Override
    public int compareTo(DnsName other) {
        return ascii.compareTo(other.ascii);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsName && ((DnsName) o).ascii.equals(ascii);
    }

    @Override
    public int hashCode() {
        return ascii.hashCode();
    }

    @Override
    public String toString() {
        return ascii;
    }
}
