package org.certmgr.testkit.tls;


import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.certmgr.testkit.process.Processes;

/**
 * A real nginx (the Debian package) serving TLS on 127.0.0.1 and ::1 with a generated
 * configuration in a folder of its own: one {@code server} with one certificate and key per
 * key type, exactly as an administrator points nginx at certmgr's files. Started in the
 * foreground ({@code daemon off}) as a child process and stopped by its PID.
 */
public final class NginxServer implements AutoCloseable {
    /** How the test suite installs nginx. */
    public static final String INSTALL_HINT = "install it with: apt-get install -y nginx-light";
    private static final List<Path> SEARCH = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/usr/bin"));
    private static final long WAIT_MILLIS = 10_000;
    private static final int MAX_POLLS = 200;

    /**
     * One certificate for nginx to serve.
     *
     * @param certificate the PEM file with the certificate and its intermediates
     * @param key         the PEM file of its private key
     * @param ocspStaple  a DER OCSP response for nginx to staple ({@code ssl_stapling_file}), if any;
     *                    nginx has one such file per server, so give it for one certificate only
     */
    public record CertificateFiles(Path certificate, Path key, Optional<Path> ocspStaple) {

        /**
         * A certificate without a staple.
         *
         * @param certificate the PEM file with the certificate and its intermediates
         * @param key         the PEM file of its private key
         */
        public CertificateFiles(Path certificate, Path key) {
            this(certificate, key, Optional.empty());
        }
    }

    private final Path nginx;
    private final Path prefix;
    private final Path config;
    private final Process process;
    private final int port;

    private NginxServer(Path nginx, Path prefix, Path config, Process process, int port) {
        this.nginx = nginx;
        this.prefix = prefix;
        this.config = config;
        this.process = process;
        this.port = port;
    }

    /**
     * Finds the nginx executable.
     *
     * @return its path, or empty when nginx is not installed
     */
    public static Optional<Path> find() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(File.pathSeparator)) {
                if (!entry.isEmpty()) {
                    dirs.add(Path.of(entry));
                }
            }
        }
        dirs.addAll(SEARCH);
        for (Path dir : dirs) {
            Path candidate = dir.resolve("nginx");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /**
     * Writes a configuration into {@code dir} and starts nginx with it, waiting (bounded) until
     * it accepts connections.
     *
     * @param dir          an empty folder for the configuration, logs, pid file and temporary files
     * @param serverNames  the names of the {@code server} block
     * @param certificates one certificate per key type
     * @return the running server
     * @throws IOException when nginx is not installed, or does not start
     */
    public static NginxServer start(Path dir, List<String> serverNames, List<CertificateFiles> certificates)
            throws IOException {
        Path nginx = find().orElseThrow(() -> new IOException("nginx is not installed: " + INSTALL_HINT));
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = freePortOnBothLoopbacks();
            Files.createDirectories(dir.resolve("temp"));
            Path config = dir.resolve("nginx.conf");
            Files.writeString(config, config(dir, port, serverNames, certificates), StandardCharsets.UTF_8);
            Path log = dir.resolve("nginx.out");
            Process process = new ProcessBuilder(nginx.toString(), "-p", dir + "/", "-c", config.toString(),
                    "-e", dir.resolve("error.log").toString(), "-g", globals(dir))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            NginxServer server = new NginxServer(nginx, dir, config, process, port);
            if (server.awaitListening()) {
                return server;
            }
            String errors = server.errors();
            server.close();
            if (!errors.contains("Address already in use")) {
                throw new IOException("nginx did not start: " + errors);
            }
        }
        throw new IOException("nginx found no free port in 10 tries");
    }

    private static String globals(Path dir) {
        return "daemon off; master_process on; pid " + dir.resolve("nginx.pid") + ";";
    }

    private static String config(Path dir, int port, List<String> names, List<CertificateFiles> certificates) {
        StringBuilder tls = new StringBuilder();
        for (CertificateFiles files : certificates) {
            tls.append("    ssl_certificate ").append(files.certificate()).append(";\n")
                    .append("    ssl_certificate_key ").append(files.key()).append(";\n");
            files.ocspStaple().ifPresent(staple -> tls.append("    ssl_stapling on;\n")
                    .append("    ssl_stapling_file ").append(staple).append(";\n"));
        }
        Path temp = dir.resolve("temp");
        return "worker_processes 1;\n"
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  client_body_temp_path " + temp.resolve("body") + ";\n"
                + "  proxy_temp_path " + temp.resolve("proxy") + ";\n"
                + "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";\n"
                + "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";\n"
                + "  scgi_temp_path " + temp.resolve("scgi") + ";\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + " ssl;\n"
                + "    listen [::1]:" + port + " ssl;\n"
                + "    server_name " + String.join(" ", names) + ";\n"
                + "    ssl_protocols TLSv1.2 TLSv1.3;\n"
                + tls
                + "    location / { return 204; }\n"
                + "  }\n"
                + "}\n";
    }

    /**
     * Returns the port nginx listens on, on 127.0.0.1 and ::1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Returns the PID of the nginx master process.
     *
     * @return the PID
     */
    public long pid() {
        return process.pid();
    }

    /**
     * Makes nginx re-read its configuration and certificates ({@code nginx -s reload}, which
     * signals the master by its pid file). New workers take over shortly after this returns.
     *
     * @throws IOException when the reload command fails
     */
    public void reload() throws IOException {
        Process reload = new ProcessBuilder(nginx.toString(), "-p", prefix + "/", "-c", config.toString(),
                "-e", prefix.resolve("error.log").toString(), "-g", globals(prefix), "-s", "reload")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(prefix.resolve("nginx.out").toFile()))
                .start();
        try {
            if (!reload.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                reload.destroyForcibly();
                throw new IOException("nginx -s reload did not finish");
            }
            if (reload.exitValue() != 0) {
                throw new IOException("nginx -s reload failed: " + errors());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reloading nginx", e);
        }
    }

    /** Stops nginx by its PID: SIGTERM, a bounded wait, then SIGKILL. */
    @Override
    public void close() {
        Processes.stop(process, java.time.Duration.ofMillis(WAIT_MILLIS));
    }

    /**
     * Returns nginx's error log and console output, for failure messages.
     *
     * @return their text
     */
    public String errors() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            Path file = prefix.resolve(name);
            try {
                if (Files.exists(file)) {
                    text.append(name).append(":\n").append(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                text.append("(cannot read ").append(file).append(")\n");
            }
        }
        return text.toString();
    }

    private boolean awaitListening() throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
        for (int poll = 0; poll < MAX_POLLS && process.isAlive(); poll++) {
            try (Socket socket = new Socket()) {
                socket.connect(address, 200);
                return true;
            } catch (IOException e) {
                pause();
            }
        }
        return false;
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for nginx", e);
        }
    }

    private static int freePortOnBothLoopbacks() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket v4 = new ServerSocket()) {
                v4.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                try (ServerSocket v6 = new ServerSocket()) {
                    v6.bind(new InetSocketAddress(InetAddress.getByName("::1"), v4.getLocalPort()));
                    return v4.getLocalPort();
                } catch (IOException e) {
                    continue;
                }
            }
        }
        throw new IOException("no port free on both 127.0.0.1 and ::1");
    }
}
