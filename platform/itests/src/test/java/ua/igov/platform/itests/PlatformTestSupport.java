package ua.igov.platform.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;
import javax.security.auth.Subject;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;

/**
 * Boots the real assembly once per test class (on free ports, so a developer's running instance is not disturbed)
 * and gives tests what an operator and a citizen have: HTTP, the console, the FeaturesService and the database.
 */
public abstract class PlatformTestSupport {

    static final String SERVICE_FEATURE = "igov-service-residence-registration";
    static final String REGION_FEATURE = "igov-region-dnipropetrovsk";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Duration BOOT_TIMEOUT = Duration.ofMinutes(3);
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    @Inject
    protected SessionFactory sessionFactory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        String assembly = required("igov.assembly");
        File examDir = new File(required("igov.examDir"));
        return new Option[] {
            karafDistributionConfiguration()
                .frameworkUrl(new File(assembly).toURI().toString())
                .name("iGov platform")
                .unpackDirectory(examDir)
                .useDeployFolder(false),
            configureConsole().ignoreLocalConsole(),
            logLevel(LogLevelOption.LogLevel.INFO),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
            // Offline, as in production: the exam's own bundles come from the build's local repository.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                    required("igov.localRepository")),
            // On a loaded machine the boot features outlast the exam's 10 s wait for its probe invoker, and the
            // test is never registered ("gave up waiting for service ProbeInvokerFactory" / "... Injector"): wait as
            // long as Karaf does.
            editConfigurationFilePut("etc/system.properties",
                    "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT", "180000"),
            editConfigurationFilePut("etc/system.properties",
                    "org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT", "180000"),
            editConfigurationFilePut("etc/system.properties", "igov.test.serviceJar", required("igov.serviceJar")),
            editConfigurationFilePut("etc/system.properties", "igov.test.regionJar", required("igov.regionJar")),
            // ArchetypeIT runs Maven from inside the container, on the build's own local repository
            editConfigurationFilePut("etc/system.properties", "igov.test.mavenHome", required("igov.mavenHome")),
            editConfigurationFilePut("etc/system.properties", "igov.test.localRepository", required("igov.localRepository")),
            editConfigurationFilePut("etc/system.properties", "igov.test.platformVersion", required("igov.platformVersion")),
            editConfigurationFilePut("etc/system.properties", "igov.test.archetypePluginVersion",
                    required("igov.archetypePluginVersion")),
            // Staff of the authority that delivers residence registration in Dnipro (89), and of another (225).
            editConfigurationFilePut("etc/users.properties", "olena", "olena-password-1,official,authority-89"),
            editConfigurationFilePut("etc/users.properties", "petro", "petro-password-1,official,authority-89"),
            editConfigurationFilePut("etc/users.properties", "oksana", "oksana-password-1,supervisor,authority-89"),
            editConfigurationFilePut("etc/users.properties", "ivan", "ivan-password-1,official,authority-225"),
            editConfigurationFilePut("etc/users.properties", "operator", "operator-password-1,operator,_g_:admingroup"),
            // a name is not a role: an official who happens to be called "admin" is no operator
            editConfigurationFilePut("etc/users.properties", "admin", "admin-password-1,official,authority-89"),
        };
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }

    /** Where the next free port is looked for; each test JVM starts from its own place. */
    private static final AtomicInteger NEXT_PORT = new AtomicInteger((int) (ProcessHandle.current().pid() % 10_000));

    /**
     * A port free now, from 22 000 to 31 999. A port the system hands out for "any" (ServerSocket(0)) lies in
     * Linux's ephemeral range, from which every outgoing connection also takes its local port: one could take it in
     * the seconds before Karaf binds it (it happened to a cluster test). Below that range only a server takes a
     * port; 21 000–21 099 is left to Pax Exam's own RMI port.
     */
    private static String freePort() {
        for (int tries = 0; tries < 10_000; tries++) {
            int port = 22_000 + Math.floorMod(NEXT_PORT.getAndIncrement(), 10_000);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
                return String.valueOf(port);
            } catch (IOException taken) {
                // in use: the next one
            }
        }
        throw new UncheckedIOException(new IOException("no free port from 22000 to 31999"));
    }

    // ---- HTTP, as a citizen ----------------------------------------------------------------------------------

    /** An HTTP answer with its body parsed when it is JSON. */
    protected record Answer(int status, String contentType, String body, String location, String cacheControl) {
        Answer(int status, String contentType, String body, String location) {
            this(status, contentType, body, location, null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    protected String baseUrl() {
        String port = (String) configuration("org.ops4j.pax.web", "org.osgi.service.http.port");
        return "http://127.0.0.1:" + port + "/api";
    }

    private Object configuration(String pid, String key) {
        try {
            ServiceReference<org.osgi.service.cm.ConfigurationAdmin> ref =
                    bundleContext.getServiceReference(org.osgi.service.cm.ConfigurationAdmin.class);
            return bundleContext.getService(ref).getConfiguration(pid, null).getProperties().get(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    protected Answer get(String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization).GET());
    }

    /** A GET whose every header the test reads (a download). */
    protected HttpResponse<byte[]> download(String path, String authorization) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", authorization)
                    .GET().timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    protected Answer post(String path, String json, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    protected Answer put(String path, String json, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    protected Answer postBytes(String path, String contentType, byte[] body, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", contentType)
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * A POST of a body announced by its length with {@code Expect: 100-continue}, as curl sends a large upload: the
     * body follows only if the server says so. Written on a plain socket, because the JDK 17 HTTP client waits for
     * ever when the answer to such a request is not {@code 100}.
     */
    protected Answer postAnnounced(String path, String contentType, byte[] body, String authorization) {
        URI api = URI.create(baseUrl());
        try (java.net.Socket socket = new java.net.Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(20_000);
            String head = postHead(api, path, contentType, authorization, body.length, "Expect: 100-continue\r\n");
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
            String statusLine = line(in);
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT), header.substring(colon + 1).strip());
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            if (status == 100) {
                throw new AssertionError("the server asked for the body: " + statusLine);
            }
            byte[] answer = headers.containsKey("content-length")
                    ? in.readNBytes(Integer.parseInt(headers.get("content-length"))) : in.readAllBytes();
            return new Answer(status, headers.getOrDefault("content-type", ""), new String(answer, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends the whole body at once, as a hostile client would, while reading the answer: the status the server
     * gave, or -1 if it cut the connection before an answer could be read (a server refusing a body it will not read
     * may close the connection under a client still sending; which of the two a client sees is a race).
     */
    protected int postWhole(String path, String contentType, byte[] body, String authorization) {
        URI api = URI.create(baseUrl());
        try (java.net.Socket socket = new java.net.Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(20_000);
            String head = postHead(api, path, contentType, authorization, body.length, "");
            Thread writer = new Thread(() -> {
                try {
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().write(body);
                    socket.getOutputStream().flush();
                } catch (IOException refused) {
                    // the server answered and closed before taking it all
                }
            }, "hostile-body-writer");
            writer.start();
            try {
                String statusLine = line(new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream())));
                return statusLine.isEmpty() ? -1 : Integer.parseInt(statusLine.split(" ")[1]);
            } catch (java.net.SocketException reset) {
                return -1;
            } finally {
                writer.join(20_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The head of a POST of {@code length} bytes that closes the connection after the answer. */
    private static String postHead(URI api, String path, String contentType, String authorization, int length,
                                   String moreHeaders) {
        return "POST " + api.getPath() + path + " HTTP/1.1\r\nHost: " + api.getHost() + ":" + api.getPort()
                + "\r\nContent-Type: " + contentType + "\r\nAuthorization: " + authorization
                + "\r\nContent-Length: " + length + "\r\n" + moreHeaders + "Connection: close\r\n\r\n";
    }

    private static String line(java.io.DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    /** A GET outside the API, at a path from the web server's root (such as {@code /api-docs/}). */
    protected Answer getFromRoot(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl().replaceFirst("/api$", "") + path)).GET());
    }

    protected Answer getAbsolute(String url, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET());
    }

    /** A citizen signed in through the development identity provider: the value of an Authorization header. */
    protected String citizen(String subject) {
        Answer token = post("/auth/dev-token", "{\"subject\": \"" + subject + "\", \"name\": \"Громадянин " + subject + "\"}");
        if (token.status() != 200) {
            throw new AssertionError("no development token: " + token.body());
        }
        return "Bearer " + token.json().get("token").asText();
    }

    /** The citizen applies for residence registration with the demo application; its tracking number. */
    protected String submitAs(String citizen) {
        Answer created = post("/services/residence-registration/applications", PlatformIT.APPLICATION, citizen);
        if (created.status() != 201) {
            throw new AssertionError("not accepted: " + created.body());
        }
        return created.json().get("trackingNumber").asText();
    }

    /** A member of staff, signed in with HTTP Basic against Karaf's realm. */
    protected static String staff(String user) {
        String credentials = user + ":" + user + "-password-1";
        return "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    protected Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("Cache-Control").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Readiness is a 200 from the API, not any answer: Jetty answers 404 before the servlet is registered. */
    protected Answer awaitStatus(String path, int status) {
        Answer[] last = new Answer[1];
        await("GET " + path + " to answer " + status, () -> {
            try {
                last[0] = get(path);
                return last[0].status() == status;
            } catch (UncheckedIOException notYetListening) {
                return false;
            }
        });
        return last[0];
    }

    /**
     * The platform is serving: the boot features are installed and a service plugin answers. On a loaded build
     * machine this takes minutes, not the seconds a step inside a test may take.
     */
    protected void awaitPlatform() {
        await("the platform to serve residence registration's form", BOOT_TIMEOUT, () -> {
            try {
                return get("/services/residence-registration/form").status() == 200;
            } catch (UncheckedIOException notYetListening) {
                return false;
            }
        });
    }

    protected static void await(String what, BooleanSupplier condition) {
        await(what, TIMEOUT, condition);
    }

    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ---- the operator's tools ---------------------------------------------------------------------------------

    /** Runs a console command as an operator would, and returns what it printed. */
    protected String console(String command) throws Exception {
        return consoleAs(command, "operator", "admin", "manager", "viewer");
    }

    /** Runs a console command as an account with these roles, and returns what it printed. */
    protected String consoleAs(String command, String user, String... roles) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject operator = new Subject();
        operator.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            operator.getPrincipals().add(new RolePrincipal(role));
        }
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Subject.doAs(operator, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (java.security.PrivilegedActionException failed) {
            // a command that fails prints its message, as the console shows it to an operator
            out.println("Error executing command: " + failed.getException().getMessage());
        } catch (RuntimeException failed) {
            out.println("Error executing command: " + failed.getMessage());
        } finally {
            session.close();
        }
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    protected void installFeature(String name) throws Exception {
        currentFeatures().installFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    protected void uninstallFeature(String name) throws Exception {
        currentFeatures().uninstallFeature(name, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }

    /**
     * The features service registered now: the one injected when the class started can have been replaced since
     * (its component restarted), and the old one refuses every request (a RejectedExecutionException seen once).
     */
    protected FeaturesService currentFeatures() {
        org.osgi.framework.ServiceReference<FeaturesService> registered = bundleContext.getServiceReference(FeaturesService.class);
        FeaturesService service = registered == null ? null : bundleContext.getService(registered);
        return service == null ? features : service;
    }

    protected File deployFolder() {
        return new File(System.getProperty("karaf.base"), "deploy");
    }

    /** Counts application rows with this tracking number straight in the database. */
    protected int rowsInDatabase(String trackingNumber) throws Exception {
        return count("SELECT COUNT(*) FROM application WHERE tracking_number = ?", trackingNumber);
    }

    /** Counts the applications ever stored for a service, straight in the database. */
    protected int applicationsOf(String serviceCode) throws Exception {
        return count("SELECT COUNT(*) FROM application WHERE service_code = ?", serviceCode);
    }

    /** One count, read straight from the runtime's own data source. */
    protected int count(String sql, String... parameters) throws Exception {
        ServiceReference<DataSource> ref = bundleContext.getServiceReferences(DataSource.class, "(dataSourceName=igov)")
                .iterator().next();
        DataSource dataSource = bundleContext.getService(ref);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } finally {
            bundleContext.ungetService(ref);
        }
    }

    /**
     * Records every bundle that stops while it listens, apart from the ones a test expects to come and go: a
     * refresh of the platform would show here.
     */
    protected final class StoppedBundles implements BundleListener, AutoCloseable {
        private final List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        private final List<String> expected;

        StoppedBundles(String... expectedSymbolicNames) {
            this.expected = List.of(expectedSymbolicNames);
            bundleContext.addBundleListener(this);
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            Bundle bundle = event.getBundle();
            if ((event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED)
                    && !expected.contains(bundle.getSymbolicName())) {
                stopped.add(bundle.getSymbolicName());
            }
        }

        List<String> others() {
            return List.copyOf(stopped);
        }

        @Override
        public void close() {
            bundleContext.removeBundleListener(this);
        }
    }
}
