package org.certmgr.domain;

/**
 * RFC 3492 Punycode encoding of one label (the part after {@code xn--}).
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
