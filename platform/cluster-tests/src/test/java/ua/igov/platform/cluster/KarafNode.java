package ua.igov.platform.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * One node as an operator runs it: the assembly unpacked into its own folder, its ports, node id and database set by
 * editing etc/ files, started with {@code bin/karaf server}, and driven over HTTP and through {@code bin/client}.
 */
final class KarafNode implements AutoCloseable {

    static final String OPERATOR = "operator";
    static final String OPERATOR_PASSWORD = "operator-password-1";
    /** The development identity provider's key, the same on every node so a token from one is good on all. */
    static final String DEV_SECRET = "cluster-test-secret-at-least-32-characters";

    final String id;
    final Path home;
    final int httpPort = freePort();
    final int sshPort = freePort();
    final Http http;
    private Process process;

    private KarafNode(String id, Path home) {
        this.id = id;
        this.home = home;
        this.http = new Http("http://127.0.0.1:" + httpPort + "/api");
    }

    /** Unpacks the assembly into {@code parent/id} and points it at the database; not started yet. */
    static KarafNode unpack(Path assembly, Path parent, String id, String jdbcUrl) throws IOException, InterruptedException {
        Path dir = parent.resolve(id);
        Files.createDirectories(dir);
        run(dir, Duration.ofMinutes(2), "tar", "xzf", assembly.toString(), "-C", dir.toString());
        Path home;
        try (Stream<Path> children = Files.list(dir)) {
            home = children.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        KarafNode node = new KarafNode(id, home);
        node.configure(jdbcUrl);
        return node;
    }

    private void configure(String jdbcUrl) throws IOException, InterruptedException {
        set("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        set("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        set("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort()));
        set("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort()));
        // exactly what the operator's guide says: the driver, the url and the pool's test of the data-source file
        set("etc/org.ops4j.datasource-igov.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        set("etc/org.ops4j.datasource-igov.cfg", "url", jdbcUrl);
        set("etc/org.ops4j.datasource-igov.cfg", "pool.testOnBorrow", "true");
        set("etc/ua.igov.platform.node.cfg", "id", id);
        set("etc/ua.igov.platform.node.cfg", "heartbeatSeconds", "2");
        set("etc/ua.igov.identity.dev.cfg", ".secret", DEV_SECRET);
        // staff of the authority that works residence registration in Dnipro (89), as in the in-container tests
        setPassword(OPERATOR, OPERATOR_PASSWORD, "operator,_g_:admingroup");
        setPasswordAsUtf8("olena", Http.passwordOf("olena"), "official,authority-89");
        setPassword("oksana", "oksana-password-1", "supervisor,authority-89");
    }

    /**
     * Delivers this node's notifications to {@code receiverUrl} through the test channel bundle, with short leases so a
     * dead node's messages are taken over within seconds.
     */
    KarafNode deliveringTo(Path channelBundle, String receiverUrl) throws IOException {
        // the test channel is this node's "email" channel: the SMTP one is not booted (one channel per id)
        Path boot = home.resolve("etc/org.apache.karaf.features.cfg");
        List<String> lines = new ArrayList<>(Files.readAllLines(boot));
        if (!lines.removeIf(line -> line.matches("\\s*igov-channel-email/[^,]*,\\s*\\\\\\s*"))) {
            throw new IllegalStateException("igov-channel-email is not among the boot features of " + boot);
        }
        Files.write(boot, lines);
        Files.copy(channelBundle, home.resolve("deploy").resolve(channelBundle.getFileName()));
        set("etc/ua.igov.test.channel.cfg", "receiver", receiverUrl);
        set("etc/ua.igov.test.channel.cfg", "node", id);
        set("etc/ua.igov.platform.outbox.cfg", "leaseSeconds", "5");
        set("etc/ua.igov.platform.outbox.cfg", "pollMillis", "500");
        set("etc/ua.igov.platform.outbox.cfg", "batchSize", "4");
        return this;
    }

    /** Sets {@code key = value} in an etc/ file, replacing the key's line or adding one. */
    void set(String file, String key, String value) throws IOException {
        Path path = home.resolve(file);
        List<String> lines = Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
        String line = key + " = " + value;
        String pattern = "^\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*";
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(pattern)) {
                lines.set(i, Matcher.quoteReplacement(line));
                replaced = true;
            }
        }
        if (!replaced) {
            lines.add(line);
        }
        Files.write(path, lines);
    }

    private void setPassword(String user, String password, String roles) throws IOException, InterruptedException {
        run(home, Duration.ofSeconds(30), "bash", home.resolve("bin/igov-set-password").toString(), user, password, roles);
    }

    /**
     * The line bin/igov-set-password writes for a password typed on a UTF-8 terminal (its SHA-256 over the UTF-8
     * bytes), written here because this JVM may not pass a Cyrillic argument to the script as UTF-8.
     */
    private void setPasswordAsUtf8(String user, String password, String roles) throws IOException {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            Path users = home.resolve("etc/users.properties");
            Files.writeString(users, user + " = {CRYPT}" + java.util.HexFormat.of().formatHex(digest) + "{CRYPT}," + roles
                    + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code bin/karaf server}; with KARAF_EXEC=exec the script becomes the JVM, so the process is Karaf. */
    KarafNode start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        builder.environment().put("KARAF_EXEC", "exec");
        // the plainest locale a server may have: Java 17's default charset is then US-ASCII, and an official's
        // Cyrillic password (olena's) signs in only because bin/setenv runs Karaf in UTF-8
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        process = builder.start();
        return this;
    }

    /** Waits for a 200 from /api/health (readiness is an answer from the API, not any answer from Jetty). */
    KarafNode awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("node " + id + " exited with " + process.exitValue() + "; see " + home.resolve("console.log"));
            }
            if (http.statusOf("/health") == 200) {
                return awaitStaffSignIn();
            }
            pause(Duration.ofMillis(250));
        }
        throw new AssertionError("node " + id + " gave no 200 from /api/health within " + timeout + "; see " + home.resolve("data/log/karaf.log"));
    }

    /**
     * Ready to serve is ready to take the operator's password too. Once (in four runs) a node refused it for the
     * whole run, over REST and ssh alike, while the other took it: waited for here, a few tries apart (each wrong
     * answer counts towards the account's lock on every node, 10 in 15 minutes), and named as what it is if it stays.
     */
    private KarafNode awaitStaffSignIn() {
        int status = 0;
        for (int attempt = 1; attempt <= 5; attempt++) {
            status = http.get("/me", Http.staff(OPERATOR)).status();
            if (status == 200) {
                return this;
            }
            pause(Duration.ofSeconds(2));
        }
        throw new AssertionError("node " + id + " serves, but refuses the operator's password (last answer " + status
                + "): Karaf's JAAS realm is not working there; see " + home.resolve("data/log/karaf.log"));
    }

    /**
     * Runs a console command through bin/client (ssh), as an operator's script would: without a terminal, the command
     * is piped in (batch mode). Fails when the client fails or Karaf reports an error.
     */
    String console(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/client").toString(), "-a", String.valueOf(sshPort),
                "-u", OPERATOR, "-p", OPERATOR_PASSWORD, "-r", "5", "-d", "2", "-b")
                .directory(home.toFile())
                .redirectErrorStream(true);
        builder.environment().putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        try (var stdin = client.getOutputStream()) {
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!client.waitFor(120, TimeUnit.SECONDS)) {
            client.destroyForcibly();
            throw new AssertionError("console command did not finish in 120 s on " + id + ": " + command);
        }
        String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (client.exitValue() != 0 || output.contains("Error executing command")) {
            throw new AssertionError("console command failed on " + id + " (" + client.exitValue() + "): " + command + "\n" + output);
        }
        return output;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no clean stop, as when a machine dies. */
    void kill9() throws InterruptedException {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy(); // SIGTERM: Karaf stops its bundles
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill9();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static void run(Path dir, Duration timeout, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: "
                    + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Where the next free port is looked for: below Linux's ephemeral range, each test JVM from its own place. */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
            new java.util.concurrent.atomic.AtomicInteger((int) (ProcessHandle.current().pid() % 10_000));

    /**
     * A port free now, from 20 000 to 31 999. A port the system hands out for "any" (ServerSocket(0)) lies in the
     * ephemeral range, from which every outgoing connection (to PostgreSQL, between nodes) also takes its local
     * port: in the seconds before Karaf binds it, one did, and the node never served. Below that range, only a
     * server can take it, and no two calls here return the same port.
     */
    static int freePort() {
        for (int tries = 0; tries < 12_000; tries++) {
            int port = 20_000 + Math.floorMod(NEXT_PORT.getAndIncrement(), 12_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new java.net.InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // in use: the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port from 20000 to 31999"));
    }

    @Override
    public String toString() {
        return id + " (http " + httpPort + ", ssh " + sshPort + ")";
    }
}
