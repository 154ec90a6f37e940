package org.certmgr.adapters.acme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.certmgr.domain.ParamsSpec;
import org.certmgr.ports.out.KeyMaterial;
import org.certmgr.ports.out.KeyMaterialException;

/**
 * Prints how long {@link KeyMaterial#parameters} takes; run by {@code bench/params-timing}.
 * Prints figures, asserts nothing.
 */
final class ParamsTiming {

    private ParamsTiming() {
    }

    /**
     * Times params.pem with the RFC 7919 groups (2048 and 4096 bits) and with fresh primes.
     *
     * @param args the number of runs per figure, then whether to time fresh 4096-bit primes too ({@code true}/{@code false})
     * @throws KeyMaterialException never, for these settings
     */
    public static void main(String[] args) throws KeyMaterialException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        boolean fresh4096 = args.length > 1 && Boolean.parseBoolean(args[1]);
        KeyMaterial keys = AcmeAdapters.keyMaterial();
        Optional<String> curve = Optional.of("secp384r1");

        // The first call pays for class loading, as every certmgr run does once.
        time(keys, "RFC 7919 2048 + secp384r1, first call in the JVM", new ParamsSpec(2048, false, curve), 1);
        time(keys, "RFC 7919 2048 + secp384r1, later calls", new ParamsSpec(2048, false, curve), Math.max(runs, 20));
        time(keys, "RFC 7919 4096 + secp384r1, later calls", new ParamsSpec(4096, false, curve), Math.max(runs, 20));
        time(keys, "fresh 2048-bit safe prime + secp384r1", new ParamsSpec(2048, true, curve), runs);
        if (fresh4096) {
            time(keys, "fresh 4096-bit safe prime + secp384r1", new ParamsSpec(4096, true, curve), runs);
        }
    }

    private static void time(KeyMaterial keys, String label, ParamsSpec spec, int runs) throws KeyMaterialException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            keys.parameters(spec);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "%-52s median %10.2f ms   (min %.2f, max %.2f, n=%d)%n", label,
                millis.get((runs - 1) / 2), millis.get(0), millis.get(runs - 1), runs);
    }
}
