package org.certmgr.adapters.acme;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Finds fresh safe primes {@code p = 2q + 1} ({@code q} prime) for Diffie-Hellman with
 * generator 2, as {@code openssl dhparam} does: {@code p ≡ 23 (mod 24)}, so that 2 is a
 * quadratic residue and generates the subgroup of prime order {@code q}.
 *
 * <p>Why not Bouncy Castle's {@code DHParametersGenerator}: it draws a whole new random prime
 * {@code q} for every candidate and took two to five minutes for 2048 bits here, against a
 * few seconds for this sieve. The search starts at a random {@code q ≡ 11 (mod 12)} and walks
 * up in steps of 12; a sieve over small primes strikes every candidate for which {@code q} or
 * {@code 2q + 1} has a small factor, and only the survivors pay for modular exponentiations.
 *
 * <p>Thread safe: no mutable state.
 */
final class SafePrimes {
    /** Small primes up to this bound strike candidates; a larger bound sieves more, at a higher set-up cost. */
    private static final int SIEVE_LIMIT = 1 << 18;
    /** Candidates per random starting point. */
    private static final int WINDOW = 1 << 18;
    /** Miller-Rabin certainty of the final checks (false-prime probability below 2^-100). */
    private static final int CERTAINTY = 100;
    private static final BigInteger TWELVE = BigInteger.valueOf(12);
    private static final BigInteger ELEVEN = BigInteger.valueOf(11);
    // 2 and 3 never divide a candidate: q ≡ 11 (mod 12) makes q and 2q + 1 odd and ≢ 0 (mod 3).
    private static final int[] SMALL_PRIMES = primesFrom5Below(SIEVE_LIMIT);
    private static final int[] INVERSES_OF_12 = inversesOf12(SMALL_PRIMES);

    private SafePrimes() {
    }

    /**
     * Searches a safe prime of exactly this size.
     *
     * @param bits   the size of {@code p}; at least 64, so that no candidate is itself a sieving prime
     * @param random the source of starting points
     * @return {@code p}, with {@code (p - 1) / 2} prime and {@code p ≡ 23 (mod 24)}
     */
    static BigInteger generate(int bits, SecureRandom random) {
        if (bits < 64) {
            throw new IllegalArgumentException("safe primes of " + bits + " bits are not searched; at least 64");
        }
        while (true) {
            // q has bits - 1 bits, so p = 2q + 1 has exactly bits bits.
            BigInteger start = new BigInteger(bits - 1, random).setBit(bits - 2);
            start = start.subtract(start.mod(TWELVE)).add(ELEVEN);
            boolean[] struck = sieve(start);
            for (int k = 0; k < WINDOW; k++) {
                if (struck[k]) {
                    continue;
                }
                BigInteger q = start.add(BigInteger.valueOf(12L * k));
                BigInteger p = q.shiftLeft(1).setBit(0);
                if (p.bitLength() != bits) {
                    break; // walked past the size: start afresh
                }
                if (isSafePrime(p, q)) {
                    return p;
                }
            }
        }
    }

    private static boolean isSafePrime(BigInteger p, BigInteger q) {
        // Cheap Fermat tests first (one exponentiation each); for a prime p ≡ 7 (mod 8), 2 is a
        // quadratic residue, so 2^q ≡ 1 (mod p). Then the full probabilistic tests.
        return BigInteger.TWO.modPow(q, p).equals(BigInteger.ONE)
                && BigInteger.TWO.modPow(q.subtract(BigInteger.ONE), q).equals(BigInteger.ONE)
                && q.isProbablePrime(CERTAINTY)
                && p.isProbablePrime(CERTAINTY);
    }

    /**
     * Strikes the candidates {@code q = start + 12k} for which a small prime r divides q
     * ({@code q ≡ 0}) or divides {@code 2q + 1} ({@code q ≡ (r - 1) / 2}, mod r).
     */
    private static boolean[] sieve(BigInteger start) {
        boolean[] struck = new boolean[WINDOW];
        for (int i = 0; i < SMALL_PRIMES.length; i++) {
            int r = SMALL_PRIMES[i];
            long residue = start.mod(BigInteger.valueOf(r)).longValue();
            long inverse = INVERSES_OF_12[i];
            // start + 12k ≡ t (mod r)  <=>  k ≡ (t - residue) · 12^-1 (mod r)
            strike(struck, r, Math.floorMod((r - residue) * inverse, r));
            strike(struck, r, Math.floorMod(((r - 1) / 2 - residue) * inverse, r));
        }
        return struck;
    }

    private static void strike(boolean[] struck, int step, long first) {
        for (long k = first; k < struck.length; k += step) {
            struck[(int) k] = true;
        }
    }

    private static int[] primesFrom5Below(int limit) {
        boolean[] composite = new boolean[limit];
        int[] primes = new int[limit];
        int count = 0;
        for (int i = 2; i < limit; i++) {
            if (!composite[i]) {
                if (i >= 5) {
                    primes[count++] = i;
                }
                for (long j = (long) i * i; j < limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return Arrays.copyOf(primes, count);
    }

    private static int[] inversesOf12(int[] primes) {
        int[] inverses = new int[primes.length];
        for (int i = 0; i < primes.length; i++) {
            inverses[i] = TWELVE.modInverse(BigInteger.valueOf(primes[i])).intValue();
        }
        return inverses;
    }
}
