package org.certmgr.adapters.tls;

import java.time.Duration;
import org.certmgr.ports.out.TlsProbe;
import org.certmgr.testkit.contract.TlsProbeContract;

class JsseTlsProbeContractTest extends TlsProbeContract {
    @Override
    protected TlsProbe probe() {
        return TlsAdapters.tlsProbe(Duration.ofSeconds(10));
    }
}
