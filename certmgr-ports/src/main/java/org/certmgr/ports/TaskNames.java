package org.certmgr.ports;

import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * Names the pool thread after the certificate it works for, for as long as it does.
 *
 * <p>Certificates run in parallel, and whatever their adapters log (acme4j at debug level,
 * hook output, warnings) must say which certificate a line belongs to. The core has no
 * logging library on purpose, so it uses what every library's log layout can show: the
 * thread name ({@code %t} in Log4j). The pool's own name comes back when the task ends.
 */
final class TaskNames {
    private TaskNames() {
    }

    /**
     * Runs work under a thread name.
     *
     * @param name e.g. {@code example.com} or {@code example.com rsa}
     * @param work the work
     * @param <T>  its result
     * @return the work's result
     * @throws Exception as the work throws
     */
    static <T> T call(String name, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        String pool = thread.getName();
        thread.setName(name);
        try {
            return work.call();
        } finally {
            thread.setName(pool);
        }
    }

    /**
     * Runs work that throws no checked exception under a thread name.
     *
     * @param name the name
     * @param work the work
     * @param <T>  its result
     * @return the work's result
     */
    static <T> T get(String name, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        String pool = thread.getName();
        thread.setName(name);
        try {
            return work.get();
        } finally {
            thread.setName(pool);
        }
    }
}
