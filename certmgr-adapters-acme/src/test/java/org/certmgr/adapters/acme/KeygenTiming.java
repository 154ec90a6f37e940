package org.certmgr.adapters.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.certmgr.domain.EcCurve;
import org.certmgr.domain.KeySpec;
import org.certmgr.ports.out.KeyMaterial;

/**
 * Prints how long this machine needs just to generate the keys of N certificates (RSA 4096 and
 * P-384 each) with the production key material, on a pool of one thread per core, in a fresh
 * JVM as a certmgr run would; run by {@code bench/compare} as the baseline that issuing is
 * compared with. Prints figures, asserts nothing.
 */
final class KeygenTiming {

    private KeygenTiming() {
    }

    /**
     * Generates the keys and prints the wall time, last as {@code KEYGEN_MS=<milliseconds>}.
     *
     * @param args the number of certificates (default 20)
     * @throws Exception when a generation fails
     */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = Runtime.getRuntime().availableProcessors();
        KeyMaterial keys = AcmeAdapters.keyMaterial();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                running.add(pool.submit(() -> keys.generate(new KeySpec.Rsa(4096))));
                running.add(pool.submit(() -> keys.generate(new KeySpec.Ec(EcCurve.SECP384R1))));
            }
            for (Future<?> f : running) {
                f.get();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("%d x RSA 4096 + %d x P-384 on %d threads: %d ms%n", count, count, threads, millis);
            System.out.println("KEYGEN_MS=" + millis);
        } finally {
            pool.shutdownNow();
        }
    }
}
