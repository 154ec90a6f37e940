package org.certmgr.testkit.fakes;

import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.testkit.contract.KeyMaterialContract;

/** The fake keeps the same promises as the real key material adapter. */
class FakeKeyMaterialContractTest extends KeyMaterialContract {
    private final FakeKeyMaterial keys = new FakeKeyMaterial();

    @Override
    protected KeyMaterial keyMaterial() {
        return keys;
    }
}
