package org.certmgr.testkit.fakes;

import org.certmgr.ports.out.AcmeGateway;
import org.certmgr.ports.out.ChallengeResponder;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.testkit.contract.AcmeGatewayContract;
import org.certmgr.testkit.memory.InMemoryChallengeResponder;

/** The in-memory CA keeps the promises the acme4j adapter keeps against Pebble. */
class FakeAcmeGatewayContractTest extends AcmeGatewayContract {
    private final FakeAcmeGateway ca = new FakeAcmeGateway(MutableClock.atSomeInstant());
    private final KeyMaterial keys = new FakeKeyMaterial();

    @Override
    protected AcmeGateway gateway() {
        return ca;
    }

    @Override
    protected AcmeGateway unreachableGateway() {
        return new FakeAcmeGateway(MutableClock.atSomeInstant()).unreachable(true);
    }

    @Override
    protected ChallengeResponder responder() {
        return new InMemoryChallengeResponder();
    }

    @Override
    protected KeyMaterial keyMaterial() {
        return keys;
    }
}
