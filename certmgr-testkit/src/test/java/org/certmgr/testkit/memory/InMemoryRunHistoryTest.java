package org.certmgr.testkit.memory;

import org.certmgr.domain.CertificateName;
import org.certmgr.ports.out.RunHistory;
import org.certmgr.testkit.contract.RunHistoryContract;
import org.junit.jupiter.api.Assumptions;

class InMemoryRunHistoryTest extends RunHistoryContract {
    private InMemoryRunHistory history;

    @Override
    protected RunHistory newHistory() {
        history = new InMemoryRunHistory();
        return history;
    }

    @Override
    protected RunHistory reopen() {
        return history;
    }

    @Override
    protected void corrupt(CertificateName name) {
        Assumptions.abort("an in-memory history holds objects, which cannot be damaged");
    }
}
