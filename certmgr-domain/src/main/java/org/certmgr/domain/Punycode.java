package org.certmgr.domain;

/**
 * RFC 3492 Punycode encoding and decoding of one label (the part after {@code xn--}).
 *
 * <p>Hand-written because {@code java.net.IDN} implements IDNA2003, which maps characters
 * such as {@code ß} to {@code ss}; browsers and CAs follow IDNA2008, which keeps them.
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int TMIN = 1;
    private static final int TMAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {
    }

    static String encode(String input) {
        int[] codePoints = input.codePoints().toArray();
        StringBuilder output = new StringBuilder();
        for (int cp : codePoints) {
            if (cp < 0x80) {
                output.append((char) cp);
            }
        }
        int basicCount = output.length();
        int handled = basicCount;
        if (basicCount > 0) {
            output.append('-');
        }
        int n = INITIAL_N;
        int delta = 0;
        int bias = INITIAL_BIAS;
        while (handled < codePoints.length) {
            int next = Integer.MAX_VALUE;
            for (int cp : codePoints) {
                if (cp >= n && cp < next) {
                    next = cp;
                }
            }
            long step = (long) (next - n) * (handled + 1);
            if (delta + step > Integer.MAX_VALUE) {
                throw new InvalidValueException("label is too long to encode: " + input);
            }
            delta += (int) step;
            n = next;
            for (int cp : codePoints) {
                if (cp < n) {
                    delta++;
                }
                if (cp == n) {
                    int q = delta;
                    for (int k = BASE;; k += BASE) {
                        int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
                        if (q < t) {
                            break;
                        }
                        output.append(digit(t + (q - t) % (BASE - t)));
                        q = (q - t) / (BASE - t);
                    }
                    output.append(digit(q));
                    bias = adapt(delta, handled + 1, handled == basicCount);
                    delta = 0;
                    handled++;
                }
            }
            delta++;
            n++;
        }
        return output.toString();
    }

    /**
     * Decodes the part of an A-label after {@code xn--}.
     *
     * @param input lower-case letters, digits and hyphens
     * @return the Unicode label
     * @throws IllegalArgumentException when it is not valid Punycode (a bad digit, a truncated
     *                                  number, an overflow, or a code point outside Unicode)
     */
    static String decode(String input) {
        int delimiter = input.lastIndexOf('-');
        java.util.List<Integer> output = new java.util.ArrayList<>();
        for (int j = 0; j < Math.max(delimiter, 0); j++) {
            output.add((int) input.charAt(j));
        }
        int n = INITIAL_N;
        int i = 0;
        int bias = INITIAL_BIAS;
        int in = delimiter > 0 ? delimiter + 1 : 0;
        while (in < input.length()) {
            int oldI = i;
            int w = 1;
            for (int k = BASE;; k += BASE) {
                if (in >= input.length()) {
                    throw new IllegalArgumentException("it ends in the middle of a number");
                }
                int digit = digitValue(input.charAt(in++));
                if (digit < 0) {
                    throw new IllegalArgumentException("\"" + input.charAt(in - 1) + "\" is not a Punycode digit");
                }
                if (digit > (Integer.MAX_VALUE - i) / w) {
                    throw new IllegalArgumentException("a number is too large");
                }
                i += digit * w;
                int t = k <= bias ? TMIN : Math.min(k - bias, TMAX);
                if (digit < t) {
                    break;
                }
                if (w > Integer.MAX_VALUE / (BASE - t)) {
                    throw new IllegalArgumentException("a number is too large");
                }
                w *= BASE - t;
            }
            int length = output.size() + 1;
            bias = adapt(i - oldI, length, oldI == 0);
            if (i / length > Integer.MAX_VALUE - n) {
                throw new IllegalArgumentException("a number is too large");
            }
            n += i / length;
            i %= length;
            if (n > Character.MAX_CODE_POINT || n >= Character.MIN_SURROGATE && n <= Character.MAX_SURROGATE) {
                throw new IllegalArgumentException("it decodes to a value that is not a character");
            }
            output.add(i, n);
            i++;
        }
        StringBuilder text = new StringBuilder();
        output.forEach(text::appendCodePoint);
        return text.toString();
    }

    private static int digitValue(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        return c >= '0' && c <= '9' ? c - '0' + 26 : -1;
    }

    private static char digit(int d) {
        return (char) (d < 26 ? 'a' + d : '0' + d - 26);
    }

    private static int adapt(int delta, int numPoints, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / numPoints;
        int k = 0;
        while (delta > ((BASE - TMIN) * TMAX) / 2) {
            delta /= BASE - TMIN;
            k += BASE;
        }
        return k + (BASE - TMIN + 1) * delta / (delta + SKEW);
    }
}
