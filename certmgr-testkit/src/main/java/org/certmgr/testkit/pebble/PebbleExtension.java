package org.certmgr.testkit.pebble;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs one {@link PebbleServer} and one {@link ChallengeWebServer} on
 * its http-01 port for each test class, and injects them into test methods, constructors and
 * lifecycle methods.
 *
 * <pre>{@code
 * @ExtendWith(PebbleExtension.class)
 * class IssuanceIT {
 *     @Test
 *     void givenPebble_thenIssues(PebbleServer pebble, ChallengeWebServer web) {
 *         // ACME at pebble.directoryUrl(), trusting pebble.trustAnchorPem();
 *         // challenge files go to web.challengeDirectory("a.test").resolve(token)
 *     }
 * }
 * }</pre>
 *
 * <p>{@link PebbleEnvironment} on the class passes settings such as
 * {@code PEBBLE_AUTHZREUSE=100} to Pebble. Both start before the first test of the class and stop after the last, also when tests
 * fail; a {@code @Nested} class shares its enclosing class's servers. Work files (Pebble's
 * configuration and logs, the web root) live in a temporary directory that is deleted at the
 * end; Pebble's state is shared by the tests of the class.
 */
public final class PebbleExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PebbleExtension.class);
    private static final String KEY = "servers";

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public PebbleExtension() {
        // Stateless: everything lives in the extension context's store.
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(KEY, Servers.class) != null) {
            return; // a @Nested class: the enclosing class's servers are visible here
        }
        store.put(KEY, Servers.start(context.getUniqueId(), environment(context)));
    }

    /** The class's {@link PebbleEnvironment}, if it has one. */
    private static Map<String, String> environment(ExtensionContext context) {
        Map<String, String> env = new TreeMap<>();
        context.getTestClass().map(c -> c.getAnnotation(PebbleEnvironment.class)).ifPresent(a -> {
            for (String pair : a.value()) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("@PebbleEnvironment wants NAME=value, not \"" + pair + "\"");
                }
                env.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        });
        return env;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        Servers servers = store.get(KEY, Servers.class);
        if (servers != null && servers.owner.equals(context.getUniqueId())) {
            store.remove(KEY);
            servers.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == PebbleServer.class || type == ChallengeWebServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Servers servers = extensionContext.getStore(NAMESPACE).get(KEY, Servers.class);
        if (servers == null) {
            throw new ParameterResolutionException("Pebble is not running: register " + PebbleExtension.class.getName()
                    + " on the test class (with @ExtendWith, not only on a method)");
        }
        return parameterContext.getParameter().getType() == PebbleServer.class ? servers.pebble : servers.web;
    }

    /**
     * The servers of one test class. Being {@link AutoCloseable} in the store, JUnit closes them
     * too if {@link #afterAll} is never reached.
     */
    private static final class Servers implements AutoCloseable {
        private final String owner;
        private final Path dir;
        private final PebbleServer pebble;
        private final ChallengeWebServer web;
        private boolean closed;

        private Servers(String owner, Path dir, PebbleServer pebble, ChallengeWebServer web) {
            this.owner = owner;
            this.dir = dir;
            this.pebble = pebble;
            this.web = web;
        }

        static Servers start(String owner, Map<String, String> env) throws IOException {
            Path dir = Files.createTempDirectory("certmgr-pebble-");
            PebbleServer pebble = null;
            try {
                pebble = PebbleServer.start(dir.resolve("pebble"), env);
                ChallengeWebServer web = ChallengeWebServer.start(pebble.httpChallengePort(), dir.resolve("webroot"));
                return new Servers(owner, dir, pebble, web);
            } catch (IOException | RuntimeException e) {
                // When Pebble itself did not start, its logs stay for diagnosis: the message names them.
                if (pebble != null) {
                    pebble.close();
                    try {
                        deleteTree(dir);
                    } catch (IOException cleanup) {
                        e.addSuppressed(cleanup);
                    }
                }
                throw e;
            }
        }

        @Override
        public synchronized void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                web.close();
            } finally {
                pebble.close();
                deleteTree(dir);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
