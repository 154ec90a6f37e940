package org.certmgr.adapters.acme;

import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.testkit.contract.KeyMaterialContract;

/** Runs the {@link KeyMaterial} contract against the Bouncy Castle adapter. */
class AcmeKeyMaterialContractTest extends KeyMaterialContract {

    @Override
    protected KeyMaterial keyMaterial() {
        return AcmeAdapters.keyMaterial();
    }
}
