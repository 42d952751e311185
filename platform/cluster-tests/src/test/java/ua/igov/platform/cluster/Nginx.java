package ua.igov.platform.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

/**
 * The documented example load balancer (docs/nginx-igov.conf), run as it is except for the addresses: its
 * {@code upstream} servers become the test's nodes and it listens on a free port.
 */
final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx startOrSkip(Path example, Path dir, List<Integer> nodePorts) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "nginx is not installed (apt-get install nginx; .ci/run "
                + "installs it): the load-balancer example is not exercised in this run");
        Files.createDirectories(dir.resolve("logs"));
        int port = KarafNode.freePort();
        String servers = nodePorts.stream().map(p -> "        server 127.0.0.1:" + p + " max_fails=1 fail_timeout=5s;")
                .collect(Collectors.joining("\n"));
        String config = Files.readString(example)
                .replaceAll("(?m)^\\s*server\\s+[0-9.]+:8181[^;]*;\\n", "")
                .replace("upstream igov_nodes {", "upstream igov_nodes {\n" + servers)
                .replaceAll("listen\\s+80;", "listen 127.0.0.1:" + port + ";");
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config);
        Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", conf.toString(),
                "-g", "daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("logs/error.log") + ";")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        Nginx nginx = new Nginx(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (nginx.http().statusOf("/health") != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                nginx.close();
                throw new AssertionError("nginx did not serve /api/health; see " + dir.resolve("nginx.out") + "\n" + config);
            }
            KarafNode.pause(Duration.ofMillis(100));
        }
        return nginx;
    }

    Http http() {
        return new Http("http://127.0.0.1:" + port + "/api");
    }

    /** SIGTERM first, so the master stops its workers (a killed master leaves them running); then SIGKILL. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
