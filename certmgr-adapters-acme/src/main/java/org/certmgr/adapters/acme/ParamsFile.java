package org.certmgr.adapters.acme;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.DHParameter;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.teletrust.TeleTrusTNamedCurves;
import org.bouncycastle.asn1.x9.X962NamedCurves;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterialException;

/**
 * Writes and checks {@code params.pem}: Diffie-Hellman parameters (the RFC 7919 group of the
 * size, or fresh safe primes) followed by a named curve's EC parameters, byte for byte as
 * {@code openssl genpkey -genparam -pkeyopt group:ffdhe2048} (or {@code openssl dhparam})
 * and {@code openssl ecparam -name <curve>} write them.
 *
 * <p>Thread safe: no state but a {@link SecureRandom}, which is.
 */
final class ParamsFile {
    /** OpenSSL refuses DH moduli outside this range ({@code DH_MIN_MODULUS_BITS}, {@code OPENSSL_DH_MAX_MODULUS_BITS}). */
    static final int MIN_FRESH_BITS = 512;
    static final int MAX_FRESH_BITS = 10_000;
    private static final BigInteger GENERATOR = Rfc7919Groups.GENERATOR;

    private final SecureRandom random;

    /**
     * Creates the writer.
     *
     * @param random the source of fresh primes
     */
    ParamsFile(SecureRandom random) {
        this.random = random;
    }

    /**
     * Produces the content of {@code params.pem}.
     *
     * @param spec what to produce
     * @return the DH block (if any) followed by the EC block (if any)
     * @throws KeyMaterialException for an unknown curve, a size without RFC 7919 group when not
     *                              generating, or a size OpenSSL refuses when generating
     */
    String write(ParamsSpec spec) throws KeyMaterialException {
        // Look the curve up first: a typo in its name should not cost a prime search.
        Optional<ASN1ObjectIdentifier> curve = spec.ecCurve().isEmpty() ? Optional.empty()
                : Optional.of(curveOid(spec.ecCurve().get()));
        StringBuilder pem = new StringBuilder();
        if (spec.dhBits() > 0) {
            BigInteger p = spec.generateDh() ? freshPrime(spec.dhBits()) : Rfc7919Groups.prime(spec.dhBits())
                    .orElseThrow(() -> new KeyMaterialException("there is no RFC 7919 Diffie-Hellman group of "
                            + spec.dhBits() + " bits (they have 2048, 3072, 4096, 6144 or 8192 bits);"
                            + " choose one of those sizes or generate fresh parameters"));
            pem.append(Pem.encode(Pem.DH_PARAMETERS, der(new DHParameter(p, GENERATOR, 0).toASN1Primitive())));
        }
        if (curve.isPresent()) {
            pem.append(Pem.encode(Pem.EC_PARAMETERS, der(curve.get())));
        }
        return pem.toString();
    }

    /**
     * Tells whether installed parameters still satisfy the settings.
     *
     * @param pem  the installed text
     * @param spec the settings
     * @return true when the DH parameters are present exactly when configured, of that size, and
     *         the RFC 7919 group exactly when not generating; and the EC parameters are present
     *         exactly when configured and name the same curve; false for anything unreadable
     */
    static boolean matches(String pem, ParamsSpec spec) {
        Optional<PemObject> dh = Optional.empty();
        Optional<PemObject> ec = Optional.empty();
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                if (Pem.DH_PARAMETERS.equals(block.getType()) && dh.isEmpty()) {
                    dh = Optional.of(block);
                } else if (Pem.EC_PARAMETERS.equals(block.getType()) && ec.isEmpty()) {
                    ec = Optional.of(block);
                } else {
                    return false; // a second block of a kind, or a block that has no place here
                }
            }
        } catch (IOException | RuntimeException e) {
            return false; // unreadable: rewriting it is the cure
        }
        return dhMatches(dh, spec) && ecMatches(ec, spec);
    }

    private static boolean dhMatches(Optional<PemObject> block, ParamsSpec spec) {
        if (spec.dhBits() == 0 || block.isEmpty()) {
            return spec.dhBits() == 0 && block.isEmpty();
        }
        try {
            ASN1Sequence sequence = ASN1Sequence.getInstance(block.get().getContent());
            if (sequence.size() < 2 || sequence.size() > 3) {
                return false;
            }
            BigInteger p = ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue();
            BigInteger g = ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue();
            if (p.signum() <= 0 || p.bitLength() != spec.dhBits()) {
                return false;
            }
            Optional<BigInteger> standard = Rfc7919Groups.prime(spec.dhBits());
            if (spec.generateDh()) {
                // Switching from the standard group to fresh primes must regenerate.
                return !standard.equals(Optional.of(p)) && g.compareTo(BigInteger.ONE) > 0
                        && g.compareTo(p.subtract(BigInteger.ONE)) < 0;
            }
            return standard.equals(Optional.of(p)) && GENERATOR.equals(g);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean ecMatches(Optional<PemObject> block, ParamsSpec spec) {
        if (spec.ecCurve().isEmpty() || block.isEmpty()) {
            return spec.ecCurve().isEmpty() && block.isEmpty();
        }
        try {
            ASN1Primitive installed = ASN1Primitive.fromByteArray(block.get().getContent());
            return installed instanceof ASN1ObjectIdentifier && installed.equals(curveOid(spec.ecCurve().get()));
        } catch (IOException | KeyMaterialException | RuntimeException e) {
            return false; // explicit curve parameters, or an unknown configured curve
        }
    }

    /**
     * Finds the OID of a curve by any name OpenSSL and Bouncy Castle both know: SEC
     * ({@code secp384r1}), X9.62 ({@code prime256v1}), NIST ({@code P-256}) or Brainpool.
     *
     * @param name the configured name, in any case
     * @return the OID; aliases of one curve give the same OID
     * @throws KeyMaterialException naming the curve when it is unknown
     */
    /** The NIST curves by their SEC and X9.62 names, as in {@code openssl ecparam -list_curves}. */
    private static final java.util.Map<String, String> COMMON_CURVES = java.util.Map.of(
            "secp256r1", "1.2.840.10045.3.1.7", "prime256v1", "1.2.840.10045.3.1.7",
            "secp384r1", "1.3.132.0.34", "secp521r1", "1.3.132.0.35");

    static ASN1ObjectIdentifier curveOid(String name) throws KeyMaterialException {
        // The curves certmgr's own keys use need no table: a no-op run checks params.pem of every
        // certificate, and loading the first table loads a class per curve it knows.
        String common = COMMON_CURVES.get(name);
        if (common != null) {
            return new ASN1ObjectIdentifier(common);
        }
        // Lazily, most used first: each table costs milliseconds to load.
        return Stream.<Function<String, ASN1ObjectIdentifier>>of(SECNamedCurves::getOID, X962NamedCurves::getOID,
                        NISTNamedCurves::getOID, TeleTrusTNamedCurves::getOID)
                .map(table -> table.apply(name))
                .filter(Objects::nonNull)
                .findFirst()
                .orElseThrow(() -> new KeyMaterialException("unknown EC curve \"" + name + "\" for the EC parameters;"
                        + " use a name from \"openssl ecparam -list_curves\" such as secp384r1 or prime256v1"));
    }

    private BigInteger freshPrime(int bits) throws KeyMaterialException {
        if (bits < MIN_FRESH_BITS || bits > MAX_FRESH_BITS) {
            throw new KeyMaterialException("cannot generate Diffie-Hellman parameters of " + bits + " bits: OpenSSL"
                    + " accepts " + MIN_FRESH_BITS + " to " + MAX_FRESH_BITS + " bits");
        }
        return SafePrimes.generate(bits, random);
    }

    private static byte[] der(ASN1Primitive value) {
        try {
            return value.getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("cannot DER-encode the parameters", e);
        }
    }
}
