package org.certmgr.adapters.acme;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.EllipticCurve;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeySpec;

/** Reads the parameters of RSA and EC keys, and recovers a public key from its private key. */
final class KeyParameters {
    private static final Map<EcCurve, ECParameterSpec> CURVES = namedCurves();

    private KeyParameters() {
    }

    /**
     * Returns the JDK parameters of a named curve.
     *
     * @param curve the curve
     * @return its domain parameters
     */
    static ECParameterSpec parametersOf(EcCurve curve) {
        return CURVES.get(curve);
    }

    /**
     * Describes a key by its type and size or curve.
     *
     * @param key an RSA or EC key, public or private
     * @return the parameters
     * @throws InvalidValueException when the key is of another type, an RSA size certmgr does
     *                               not support, or on a curve certmgr does not know
     */
    static KeySpec specOf(Key key) {
        if (key instanceof RSAKey) {
            return new KeySpec.Rsa(((RSAKey) key).getModulus().bitLength());
        }
        if (key instanceof ECKey) {
            ECParameterSpec params = ((ECKey) key).getParams();
            return new KeySpec.Ec(curveOf(params).orElseThrow(() -> new InvalidValueException(
                    "the EC key is on an unsupported curve of " + params.getCurve().getField().getFieldSize()
                            + " bits; expected secp256r1, secp384r1 or secp521r1")));
        }
        throw new InvalidValueException("unsupported key algorithm " + key.getAlgorithm() + "; expected RSA or EC");
    }

    /**
     * Finds the named curve with exactly these domain parameters.
     *
     * @param params the parameters of a key
     * @return the curve, or empty when it is none of those certmgr supports
     */
    static Optional<EcCurve> curveOf(ECParameterSpec params) {
        // Compare the parameters themselves: another curve may have the same field size
        // (brainpoolP256r1, secp256k1), and not every provider names its specs.
        return CURVES.entrySet().stream()
                .filter(e -> sameCurve(e.getValue(), params))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * Computes the public key that belongs to a private key.
     *
     * @param key an RSA CRT or EC private key
     * @return its public key
     * @throws GeneralSecurityException when the key type has no public part to recover
     */
    static PublicKey publicKeyOf(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey) {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
            return KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (key instanceof ECPrivateKey) {
            ECPrivateKey ec = (ECPrivateKey) key;
            var q = COMB.multiply(generator(ec.getParams()), ec.getS()).normalize();
            return KeyFactory.getInstance("EC").generatePublic(
                    new ECPublicKeySpec(EC5Util.convertPoint(q), ec.getParams()));
        }
        throw new GeneralSecurityException("unsupported private key algorithm " + key.getAlgorithm()
                + "; expected RSA or EC");
    }

    /** Domain parameters as a map key: the JDK's spec class has no equals. */
    private record CurveKey(EllipticCurve curve, java.security.spec.ECPoint generator, BigInteger order, int cofactor) {
        static CurveKey of(ECParameterSpec spec) {
            return new CurveKey(spec.getCurve(), spec.getGenerator(), spec.getOrder(), spec.getCofactor());
        }
    }

    /**
     * One Bouncy Castle generator per curve. A no-op run derives the public key of every
     * installed EC key (to check it matches its certificate); the comb multiplier keeps its
     * precomputed table on this point, so all but the first derivation per curve are several
     * times cheaper than converting the curve and multiplying afresh each time.
     */
    private static final Map<CurveKey, org.bouncycastle.math.ec.ECPoint> GENERATORS = new ConcurrentHashMap<>();
    private static final ECMultiplier COMB = new FixedPointCombMultiplier();

    private static org.bouncycastle.math.ec.ECPoint generator(ECParameterSpec params) {
        return GENERATORS.computeIfAbsent(CurveKey.of(params), k -> EC5Util.convertSpec(params).getG());
    }

    /**
     * Tells whether two public keys are the same key, whatever their encoding or provider.
     *
     * @param a a key
     * @param b another key
     * @return true when both are RSA with the same modulus and exponent, or EC with the
     *         same point on the same curve, or otherwise encode identically
     */
    static boolean samePublicKey(PublicKey a, PublicKey b) {
        if (a instanceof RSAPublicKey && b instanceof RSAPublicKey) {
            RSAPublicKey x = (RSAPublicKey) a;
            RSAPublicKey y = (RSAPublicKey) b;
            return x.getModulus().equals(y.getModulus()) && x.getPublicExponent().equals(y.getPublicExponent());
        }
        if (a instanceof ECPublicKey && b instanceof ECPublicKey) {
            ECPublicKey x = (ECPublicKey) a;
            ECPublicKey y = (ECPublicKey) b;
            return x.getW().equals(y.getW()) && sameCurve(x.getParams(), y.getParams());
        }
        byte[] ea = a.getEncoded();
        return ea != null && Arrays.equals(ea, b.getEncoded());
    }

    private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
        return a.getCurve().equals(b.getCurve())
                && a.getGenerator().equals(b.getGenerator())
                && a.getOrder().equals(b.getOrder())
                && a.getCofactor() == b.getCofactor();
    }

    private static Map<EcCurve, ECParameterSpec> namedCurves() {
        Map<EcCurve, ECParameterSpec> map = new EnumMap<>(EcCurve.class);
        for (EcCurve curve : EcCurve.values()) {
            try {
                AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                params.init(new ECGenParameterSpec(curve.id()));
                map.put(curve, params.getParameterSpec(ECParameterSpec.class));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JVM does not know the curve " + curve.id(), e);
            }
        }
        return Map.copyOf(map);
    }
}
