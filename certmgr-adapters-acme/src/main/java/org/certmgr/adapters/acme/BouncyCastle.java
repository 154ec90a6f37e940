package org.certmgr.adapters.acme;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle JCA provider, registered once on first use.
 *
 * <p>acme4j looks Bouncy Castle up by name for its EC helpers, so it must be registered
 * before the first ACME request; an instance registered by the embedding application is
 * reused rather than replaced.
 */
final class BouncyCastle {

    private BouncyCastle() {
    }

    /**
     * Returns the registered provider, registering it first if needed.
     *
     * @return the provider named {@code BC}
     */
    static Provider provider() {
        return Holder.PROVIDER;
    }

    /** Registers Bouncy Castle unless it is already there; does nothing on later calls. */
    static void ensureRegistered() {
        provider();
    }

    // The holder idiom makes registration lazy and thread safe without locking on every call.
    private static final class Holder {
        static final Provider PROVIDER = register();

        private static Provider register() {
            synchronized (Security.class) {
                Provider present = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
                if (present != null) {
                    return present;
                }
                Provider ours = new BouncyCastleProvider();
                Security.addProvider(ours);
                return ours;
            }
        }
    }
}
