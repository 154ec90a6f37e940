package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.InvalidValueException;
import org.certmgr.domain.KeySpec;
import org.junit.jupiter.api.Test;

class KeyParametersTest {

    @Test
    void givenKeyOnEachSupportedCurve_whenSpecOf_thenThatCurve() {
        for (EcCurve curve : EcCurve.values()) {
            KeyPair key = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(curve));

            assertThat(KeyParameters.specOf(key.getPrivate())).isEqualTo(new KeySpec.Ec(curve));
            assertThat(KeyParameters.specOf(key.getPublic())).isEqualTo(new KeySpec.Ec(curve));
        }
    }

    @Test
    void givenKeyOnAnother256BitCurve_whenSpecOf_thenRefusedRatherThanTakenForP256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.provider());
        generator.initialize(new ECGenParameterSpec("secp256k1"));
        KeyPair k1 = generator.generateKeyPair();

        assertThat(((ECKey) k1.getPrivate()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(KeyParameters.curveOf(((ECKey) k1.getPrivate()).getParams())).isEmpty();
        assertThatThrownBy(() -> KeyParameters.specOf(k1.getPrivate()))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unsupported curve");
    }

    @Test
    void givenPrivateKeys_whenPublicKeyOf_thenTheGeneratedPublicKey() throws Exception {
        for (KeySpec spec : new KeySpec[] {new KeySpec.Rsa(2048), new KeySpec.Ec(EcCurve.SECP384R1), new KeySpec.Ec(EcCurve.SECP521R1)}) {
            KeyPair key = AcmeAdapters.keyMaterial().generate(spec);

            assertThat(KeyParameters.publicKeyOf(key.getPrivate()).getEncoded()).isEqualTo(key.getPublic().getEncoded());
        }
    }

    @Test
    void givenDifferentKeys_whenSamePublicKey_thenFalse_andSameKeyFromAnotherProvider_thenTrue() throws Exception {
        KeyPair a = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
        KeyPair b = AcmeAdapters.keyMaterial().generate(new KeySpec.Ec(EcCurve.SECP256R1));
        var bcCopy = java.security.KeyFactory.getInstance("EC", BouncyCastle.provider())
                .generatePublic(new java.security.spec.X509EncodedKeySpec(a.getPublic().getEncoded()));

        assertThat(KeyParameters.samePublicKey(a.getPublic(), b.getPublic())).isFalse();
        assertThat(KeyParameters.samePublicKey(a.getPublic(), bcCopy)).isTrue();
    }
}
