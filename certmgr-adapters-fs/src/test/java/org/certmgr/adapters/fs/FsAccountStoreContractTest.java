package org.certmgr.adapters.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.certmgr.ports.out.AccountStore;
import org.certmgr.ports.out.StoredAccount;
import org.certmgr.testkit.contract.AccountStoreContract;
import org.junit.jupiter.api.io.TempDir;

class FsAccountStoreContractTest extends AccountStoreContract {
    @TempDir
    Path dataDir;
    private FaultyFileOps ops;

    @Override
    protected AccountStore newStore() {
        ops = new FaultyFileOps();
        return new FsAccountStore(dataDir, FileOwnership.CURRENT_USER, Clock.systemUTC(), ops);
    }

    @Override
    protected boolean keyReadableByOthers() throws Exception {
        return Files.getPosixFilePermissions(dataDir.resolve("account/client.key"))
                .contains(PosixFilePermission.OTHERS_READ);
    }

    @Override
    protected void corruptSavedAccount() throws Exception {
        Files.writeString(dataDir.resolve("account/registration.json"), "{\"accountUrl\": \"https://ca");
    }

    @Override
    protected void failNextSave() {
        // The key is written, the registration is not: the worst moment before the commit point.
        ops.failWriteAfter(1);
    }

    @Override
    protected List<StoredAccount> replacedAccounts() throws Exception {
        List<StoredAccount> accounts = new ArrayList<>();
        for (Path folder : FsTestFiles.archiveFolders(dataDir, "account")) {
            accounts.add(FsTestFiles.archivedAccount(folder));
        }
        return accounts;
    }
}
