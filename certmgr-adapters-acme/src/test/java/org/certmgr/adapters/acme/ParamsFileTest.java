package org.certmgr.adapters.acme;

import static org.assertj.core.api.Assertions.assertThat;

import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.x9.X962NamedCurves;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParamsFileTest {

    @ParameterizedTest
    @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
    void givenACommonSecName_thenItsOidIsTheOneOfBouncyCastlesTable(String name) throws Exception {
        assertThat(ParamsFile.curveOid(name)).isEqualTo(SECNamedCurves.getOID(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"prime256v1"})
    void givenACommonX962Name_thenItsOidIsTheOneOfBouncyCastlesTable(String name) throws Exception {
        assertThat(ParamsFile.curveOid(name)).isEqualTo(X962NamedCurves.getOID(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secp256k1", "brainpoolP256r1"})
    void givenAnotherCurve_thenTheTablesStillKnowIt(String name) throws Exception {
        assertThat(ParamsFile.curveOid(name)).isNotNull();
    }
}
