import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's load generator: closed-loop HTTP clients on 127.0.0.1, run as a single-file program
 * ({@code java bench/LoadGenerator.java ...}) so it needs no build. Every figure is measured in the same run as the
 * /api/health baseline and reported as a ratio to it, so machines of different speeds give comparable answers.
 *
 * <pre>
 * java LoadGenerator.java load     BASE_URL[,BASE_URL...] SECONDS CLIENTS BODY_FILE [MANY_CLIENTS]
 * java LoadGenerator.java search   BASE_URL SECONDS CLIENTS
 * java LoadGenerator.java hotdeploy BASE_URL JAR DEPLOY_DIR ROUNDS
 * java LoadGenerator.java churn    BASE_URL JAR DEPLOY_DIR SECONDS CLIENTS
 * java LoadGenerator.java ready    URL TIMEOUT_SECONDS
 * </pre>
 *
 * <p>With several base URLs (nodes sharing one database) every endpoint's requests go to the nodes in turn; the
 * application whose status is read is submitted through the first node and read through all of them.
 */
public class LoadGenerator {

    record Result(String name, long requests, long failures, double seconds, long[] latenciesNanos, long serverCpuMillis,
                  double settleSeconds, long databaseCpuMillis) {
        Result(String name, long requests, long failures, double seconds, long[] latenciesNanos) {
            this(name, requests, failures, seconds, latenciesNanos, -1, 0, -1);
        }

        /** The database server's CPU time per request, when it runs on this machine and its pid was given. */
        double databaseCpuMicrosPerRequest() {
            return databaseCpuMillis < 0 || requests == 0 ? Double.NaN : databaseCpuMillis * 1000.0 / requests;
        }

        double perSecond() {
            return requests / seconds;
        }

        /** The server's CPU time per request (user + system), when its pid was given: independent of the load. */
        double serverCpuMicrosPerRequest() {
            return serverCpuMillis < 0 || requests == 0 ? Double.NaN : serverCpuMillis * 1000.0 / requests;
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 0);
            case "ceiling" -> ceiling(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "search" -> search(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "churn" -> churn(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "hotdeploy" -> hotDeploy(args[1], Path.of(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
            case "submit" -> submitMany(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Path.of(args[4]));
            case "ready" -> System.out.printf(Locale.ROOT, "%.2f%n", awaitStatus(args[1], 200, Duration.ofSeconds(Long.parseLong(args[2]))) / 1000.0);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    // ---- throughput and latency --------------------------------------------------------------------------------

    static void load(String baseUrls, int seconds, int clients, Path body, int manyClients) throws Exception {
        List<String> bases = List.of(baseUrls.split(","));
        String base = bases.get(0);
        String application = Files.readString(body);
        String authorization = signIn(base);
        List<HttpRequest> health = onEach(bases, b -> HttpRequest.newBuilder(URI.create(b + "/health")).GET().build());
        List<HttpRequest> form = onEach(bases, b -> HttpRequest.newBuilder(URI.create(b + "/services/residence-registration/form")).GET().build());
        List<HttpRequest> submit = onEach(bases, b -> HttpRequest.newBuilder(URI.create(b + "/services/residence-registration/applications"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(application, StandardCharsets.UTF_8)).build());

        // Warm up every path (JIT, pools, database caches) on every node before anything is measured, twice over: the
        // JIT goes on compiling the paths for about a minute, and a path measured before that is steady measures it.
        for (int round = 0; round < 2; round++) {
            for (List<HttpRequest> warm : List.of(health, form, submit)) {
                runMany("warm-up", warm, Math.max(5, seconds), clients, warm == submit ? 201 : 200);
            }
        }
        // A status read needs an application to read.
        String tracking = submitOne(submit.get(0));
        // The status read is what a citizen checks again and again (status, deadline, overdue; no personal data);
        // the full read brings the form, the documents and the history as well.
        List<HttpRequest> status = onEach(bases, b -> HttpRequest.newBuilder(URI.create(b + "/applications/" + tracking + "/status"))
                .header("Authorization", authorization).GET().build());
        List<HttpRequest> full = onEach(bases, b -> HttpRequest.newBuilder(URI.create(b + "/applications/" + tracking))
                .header("Authorization", authorization).GET().build());
        for (int round = 0; round < 2; round++) {
            runMany("warm-up", status, Math.max(5, seconds), clients, 200);
            runMany("warm-up", full, Math.max(5, seconds), clients, 200);
        }
        measureIdleServer();

        // The baseline is measured first and last; their mean is what the others are compared with, so a drift of
        // the machine during the run (JIT, a database checkpoint) shows instead of skewing every ratio.
        Endpoint healthFirst = new Endpoint("GET /api/health (baseline, first)", health, 200);
        Endpoint healthLast = new Endpoint("GET /api/health (baseline, last)", health, 200);
        Endpoint submits = new Endpoint("POST /api/services/{code}/applications", submit, 201);
        Endpoint statusReads = new Endpoint("GET /api/applications/{n}/status", status, 200);
        Endpoint fullReads = new Endpoint("GET /api/applications/{n} (full read)", full, 200);
        String on = String.join(" + ", bases);
        table(List.of(healthFirst, new Endpoint("GET /api/services/{code}/form", form, 200), submits, statusReads,
                fullReads, healthLast), on, seconds, clients);

        // Writes end in a durable commit, and a commit waits for the disk to sync its log: with few clients the
        // submit rate is bounded by clients / sync time however fast the code is. Many citizens at once let the
        // database group commits; the same table at that concurrency shows what the platform itself sustains.
        if (manyClients > clients) {
            table(List.of(healthFirst, submits, statusReads, fullReads, healthLast), on, seconds, manyClients);
        }
    }

    /**
     * Health, submit and the status read only, warmed up as in {@code load}: bench/ceiling.sh runs it against the
     * platform as built and against the same platform with its database left out, so the two tables show how much
     * of each ratio the database costs.
     */
    static void ceiling(String base, int seconds, int clients, Path body) throws Exception {
        String authorization = signIn(base);
        List<HttpRequest> health = List.of(HttpRequest.newBuilder(URI.create(base + "/health")).GET().build());
        List<HttpRequest> submit = List.of(HttpRequest.newBuilder(URI.create(base + "/services/residence-registration/applications"))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(body), StandardCharsets.UTF_8)).build());
        String tracking = submitOne(submit.get(0));
        List<HttpRequest> status = List.of(HttpRequest.newBuilder(URI.create(base + "/applications/" + tracking + "/status"))
                .header("Authorization", authorization).GET().build());
        for (int round = 0; round < 2; round++) {
            for (List<HttpRequest> warm : List.of(health, submit, status)) {
                runMany("warm-up", warm, Math.max(5, seconds), clients, warm == submit ? 201 : 200);
            }
        }
        measureIdleServer();
        table(List.of(new Endpoint("GET /api/health (baseline, first)", health, 200),
                new Endpoint("POST /api/services/{code}/applications", submit, 201),
                new Endpoint("GET /api/applications/{n}/status", status, 200),
                new Endpoint("GET /api/health (baseline, last)", health, 200)), base, seconds, clients);
    }

    /**
     * Submits {@code count} applications from {@code clients} clients at once and prints how long that took, as
     * "submitted N in S s (R a second), F failed": bench/outbox-drain.sh compares delivery with it.
     */
    static void submitMany(String base, int count, int clients, Path body) throws Exception {
        HttpRequest submit = HttpRequest.newBuilder(URI.create(base + "/services/residence-registration/applications"))
                .header("Content-Type", "application/json")
                .header("Authorization", signIn(base))
                .POST(HttpRequest.BodyPublishers.ofString(Files.readString(body), StandardCharsets.UTF_8)).build();
        java.util.concurrent.atomic.AtomicInteger left = new java.util.concurrent.atomic.AtomicInteger(count);
        AtomicLong failures = new AtomicLong();
        Thread[] threads = new Thread[clients];
        long begin = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            threads[t] = new Thread(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        if (HTTP.send(submit, HttpResponse.BodyHandlers.discarding()).statusCode() != 201) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(Locale.ROOT, "submitted %d in %.1f s (%.0f a second), %d failed%n", count, seconds,
                count / seconds, failures.get());
    }

    /**
     * A citizen signed in through the development identity provider (booted in the assembly for demos): the value
     * of the Authorization header. Nodes sharing its .secret accept the token alike.
     */
    static String signIn(String base) throws IOException, InterruptedException {
        String answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/auth/dev-token"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"subject\": \"bench\", \"name\": \"Bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return "Bearer " + answer.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** Submits one application and returns its tracking number. */
    static String submitOne(HttpRequest submit) throws IOException, InterruptedException {
        return HTTP.send(submit, HttpResponse.BodyHandlers.ofString()).body()
                .replaceAll(".*\"trackingNumber\":\"([^\"]+)\".*", "$1");
    }

    /** One line of a table: what is asked, on each node, and the status that counts as success. */
    record Endpoint(String name, List<HttpRequest> requests, int expected) {
    }

    /** Measures the endpoints one after the other and prints them against the first and last (the baseline). */
    static void table(List<Endpoint> endpoints, String base, int seconds, int clients) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Endpoint e : endpoints) {
            results.add(runMany(e.name(), e.requests(), seconds, clients, e.expected()));
        }
        printRatios(results, base, seconds, clients);
    }

    /** Prints each result as a ratio to the mean of the first and last (the baseline measured before and after). */
    static void printRatios(List<Result> results, String base, int seconds, int clients) {
        Result first = results.get(0);
        Result last = results.get(results.size() - 1);
        Result baseline = new Result("baseline", first.requests() + last.requests(), first.failures() + last.failures(),
                first.seconds() + last.seconds(), new long[0]);
        System.out.printf(Locale.ROOT, "%n%d clients, %d s per endpoint, on %s%n", clients, seconds, base);
        boolean database = results.stream().anyMatch(r -> r.databaseCpuMillis() >= 0);
        System.out.printf(Locale.ROOT, "%-42s %10s %8s %9s %9s %9s %14s %8s%s%n", "endpoint", "req/s", "ratio", "p50 ms", "p99 ms",
                "failed", "server CPU/req", "settled", database ? "  database CPU/req" : "");
        System.out.printf(Locale.ROOT, "%-42s %10.0f %7s%n", "baseline (mean of first and last)", baseline.perSecond(), "100%");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-42s %10.0f %7.0f%% %9.2f %9.2f %9d %11.0f µs %6.1f s%s%n", r.name(), r.perSecond(),
                    100 * r.perSecond() / baseline.perSecond(), r.percentileMillis(50), r.percentileMillis(99), r.failures(),
                    r.serverCpuMicrosPerRequest(), r.settleSeconds(),
                    database ? String.format(Locale.ROOT, " %14.0f µs", r.databaseCpuMicrosPerRequest()) : "");
        }
    }

    // ---- catalogue search ------------------------------------------------------------------------------------

    /** Searches citizens make: words (with the apostrophes people type), a region, a city, a status, a login. */
    static final List<String> SEARCHES = List.of(
            "q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82",                         // паспорт
            "q=%D1%80%D0%B5%D1%94%D1%81%D1%82%D1%80%D0%B0%D1%86%D1%96%D1%8F",       // реєстрація
            "q=%D0%BE%D0%B1%27%D1%94%D0%BA%D1%82&region=lviv",                      // об'єкт in Lviv
            "q=%D0%B7%D0%B5%D0%BC%D0%B5%D0%BB%D1%8C%D0%BD%D0%BE%D1%97",             // земельної
            "place=1210100000",                                                     // everything in Dnipro and its oblast
            "region=kherson&status=online",
            "q=%D0%B4%D0%BE%D0%B2%D1%96%D0%B4%D0%BA%D0%B0&login=BankID",            // довідка, BankID
            "category=Business&size=50",
            "q=%D0%BC%E2%80%99%D1%8F%D1%81%D0%BE",                                  // м’ясо
            "region=ternopil&page=2");

    static void search(String base, int seconds, int clients) throws Exception {
        List<HttpRequest> requests = SEARCHES.stream()
                .map(q -> HttpRequest.newBuilder(URI.create(base + "/catalogue?" + q)).GET().build())
                .toList();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/health")).GET().build();
        runMany("warm-up", requests, Math.max(5, seconds), clients);
        run("warm-up", health, Math.max(5, seconds), clients, 200);
        Result baseline = run("GET /api/health (baseline)", health, seconds, clients, 200);
        Result searches = runMany("GET /api/catalogue?... (10 kinds of search)", requests, seconds, clients);
        System.out.printf(Locale.ROOT, "%n%d regions loaded, %d clients, %d s%n", regionCount(base), clients, seconds);
        System.out.printf(Locale.ROOT, "%-42s %10s %8s %9s %9s %9s%n", "endpoint", "req/s", "ratio", "p50 ms", "p99 ms", "failed");
        for (Result r : List.of(baseline, searches)) {
            System.out.printf(Locale.ROOT, "%-42s %10.0f %7.0f%% %9.2f %9.2f %9d%n", r.name(), r.perSecond(),
                    100 * r.perSecond() / baseline.perSecond(), r.percentileMillis(50), r.percentileMillis(99), r.failures());
        }
        System.out.printf(Locale.ROOT, "catalogue search p99: %.2f ms (target < 20 ms)%n", searches.percentileMillis(99));
    }

    static int regionCount(String base) throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/regions")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.split("\"koatuu\"", -1).length - 1;
    }

    /** Like {@link #run}, each client cycling through the requests. */
    static Result runMany(String name, List<HttpRequest> requests, int seconds, int clients) throws InterruptedException {
        return runMany(name, requests, seconds, clients, 200);
    }

    static Result runMany(String name, List<HttpRequest> requests, int seconds, int clients, int expectedStatus)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        return run(name, () -> requests.get((int) (next.getAndIncrement() % requests.size())), seconds, clients, expectedStatus);
    }

    /** The same request made to each node. */
    static List<HttpRequest> onEach(List<String> bases, java.util.function.Function<String, HttpRequest> request) {
        return bases.stream().map(request).toList();
    }

    static Result run(String name, HttpRequest request, int seconds, int clients, int expectedStatus) throws InterruptedException {
        return run(name, () -> request, seconds, clients, expectedStatus);
    }

    static Result run(String name, java.util.function.Supplier<HttpRequest> requests, int seconds, int clients,
                      int expectedStatus) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong failures = new AtomicLong();
        List<long[]> perThread = new ArrayList<>();
        int[] counts = new int[clients];
        Thread[] threads = new Thread[clients];
        for (int t = 0; t < clients; t++) {
            long[] latencies = new long[2_000_000];
            perThread.add(latencies);
            int index = t;
            threads[t] = new Thread(() -> {
                int n = 0;
                while (!stop.get() && n < latencies.length) {
                    HttpRequest request = requests.get();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != expectedStatus) {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                counts[index] = n;
            });
        }
        long cpuBefore = serverCpuMillis();
        long databaseBefore = databaseCpuMillis();
        long begin = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        // What the requests left for the server to finish (a database checkpoint, the rest of a garbage collection) is
        // theirs: it is counted in their CPU, and the next endpoint is measured on a server that has settled.
        long settleBegin = System.nanoTime();
        long cpuAfter = settledServerCpuMillis();
        double settle = (System.nanoTime() - settleBegin) / 1e9;
        if (cpuAfter >= 0) {
            cpuAfter -= Math.round(idleServerMillisPerSecond * settle); // what an idle server spends anyway (timers, polling)
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < clients; t++) {
            System.arraycopy(perThread.get(t), 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        long databaseAfter = databaseCpuMillis();
        return new Result(name, total, failures.get(), elapsed, all,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, settle,
                databaseBefore < 0 || databaseAfter < 0 ? -1 : databaseAfter - databaseBefore);
    }

    /** CPU the server spends per second with no requests (deploy-folder polling, schedulers): measured once. */
    static double idleServerMillisPerSecond;

    static void measureIdleServer() throws InterruptedException {
        Thread.sleep(2000);
        long before = serverCpuMillis();
        Thread.sleep(3000);
        long after = serverCpuMillis();
        idleServerMillisPerSecond = before < 0 || after < 0 ? 0 : (after - before) / 3.0;
        System.out.printf(Locale.ROOT, "idle server: %.0f ms of CPU per second%n", idleServerMillisPerSecond);
    }

    /**
     * Waits until the server is back to idle — in a quarter of a second no more than 10 ms of CPU per node above what
     * it spends idle, twice running, for at most 30 s — and returns its CPU time then; -1 (at once) when its pid is
     * unknown.
     */
    static long settledServerCpuMillis() throws InterruptedException {
        long previous = serverCpuMillis();
        if (previous < 0) {
            return -1;
        }
        int nodes = System.getenv("IGOV_SERVER_PID").split(",").length;
        double quietBelow = 10.0 * nodes + idleServerMillisPerSecond / 4;
        long end = System.nanoTime() + 30_000_000_000L;
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < end) {
            Thread.sleep(250);
            long now = serverCpuMillis();
            quiet = now - previous <= quietBelow ? quiet + 1 : 0;
            previous = now;
        }
        return previous;
    }

    /**
     * CPU milliseconds (user + system) the server process has used so far, read from /proc for the pid in the
     * environment variable IGOV_SERVER_PID (comma-separated for several nodes); -1 when it is not set. On a shared machine throughput ratios move with
     * whatever else runs; CPU per request does not, so the two together say what the server itself costs.
     */
    static long serverCpuMillis() {
        String pid = System.getenv("IGOV_SERVER_PID");
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        try {
            long ticks = 0;
            for (String one : pid.split(",")) { // several nodes: their CPU together
                String stat = Files.readString(Path.of("/proc", one.trim(), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * CPU milliseconds the database server has used so far, when it runs on this machine: the process in IGOV_DB_PID
     * (PostgreSQL's postmaster), the children it has waited for (backends that ended: cutime, cstime) and its
     * children alive now (the pool's backends, the writer, the WAL writer). -1 when the variable is not set. The
     * database shares the machine's cores with the nodes and the load generator, so its CPU is part of what a
     * request costs even though the node's own figure does not show it.
     */
    static long databaseCpuMillis() {
        String pid = System.getenv("IGOV_DB_PID");
        if (pid == null || pid.isBlank()) {
            return -1;
        }
        try {
            String[] own = statFields(Path.of("/proc", pid.trim(), "stat"));
            long ticks = Long.parseLong(own[11]) + Long.parseLong(own[12]) + Long.parseLong(own[13]) + Long.parseLong(own[14]);
            try (var processes = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
                for (Path process : processes) {
                    try {
                        String[] fields = statFields(process.resolve("stat"));
                        if (fields[1].equals(pid.trim())) { // ppid
                            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        }
                    } catch (IOException | RuntimeException gone) {
                        // a process that ended while the list was read: its CPU is in the parent's cutime by now
                    }
                }
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] statFields(Path stat) throws IOException {
        String text = Files.readString(stat);
        return text.substring(text.lastIndexOf(')') + 2).split(" ");
    }

    // ---- hot deploy ------------------------------------------------------------------------------------------

    /** Times "jar copied into deploy/" → "first 200 from its form", over several rounds. */
    static void hotDeploy(String base, Path jar, Path deployDir, int rounds) throws Exception {
        String formUrl = base + "/services/residence-registration/form";
        Path target = deployDir.resolve("bench-" + jar.getFileName());
        long[] millis = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            Files.deleteIfExists(target);
            awaitStatus(formUrl, 404, Duration.ofSeconds(30));
            Thread.sleep(300); // let the removal settle completely before the next copy
            long start = System.nanoTime();
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
            awaitStatus(formUrl, 200, Duration.ofSeconds(30));
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Files.deleteIfExists(target);
        awaitStatus(formUrl, 404, Duration.ofSeconds(30));
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "hot deploy (jar copied -> first 200 from its form), %d rounds: median %d ms, min %d ms, max %d ms%n",
                rounds, millis[rounds / 2], millis[0], millis[rounds - 1]);
    }

    /**
     * Other services under steady load while one plugin is installed and removed over and over: every request to
     * the others must succeed.
     */
    static void churn(String base, Path jar, Path deployDir, int seconds, int clients) throws Exception {
        List<HttpRequest> others = List.of(
                HttpRequest.newBuilder(URI.create(base + "/services/land-cadastre-extract/form")).GET().build(),
                HttpRequest.newBuilder(URI.create(base + "/services/civil-status-extract/form")).GET().build(),
                HttpRequest.newBuilder(URI.create(base + "/regions/lviv/services")).GET().build(),
                HttpRequest.newBuilder(URI.create(base + "/catalogue?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82")).GET().build(),
                HttpRequest.newBuilder(URI.create(base + "/health")).GET().build());
        Path target = deployDir.resolve("churn-" + jar.getFileName());
        AtomicBoolean churning = new AtomicBoolean(true);
        AtomicLong cycles = new AtomicLong();
        Thread operator = new Thread(() -> {
            String formUrl = base + "/services/residence-registration/form";
            try {
                while (churning.get()) {
                    Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
                    awaitStatus(formUrl, 200, Duration.ofSeconds(30));
                    Files.deleteIfExists(target);
                    awaitStatus(formUrl, 404, Duration.ofSeconds(30));
                    cycles.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        operator.start();
        Result others200 = runMany("other services while a plugin churns", others, seconds, clients);
        churning.set(false);
        operator.join();
        Files.deleteIfExists(target);
        System.out.printf(Locale.ROOT, "plugin installed and removed %d times in %d s under load: %d requests to other "
                        + "services, %d failed (target 0), p99 %.2f ms%n", cycles.get(), seconds, others200.requests(),
                others200.failures(), others200.percentileMillis(99));
    }

    /** Polls until the URL answers the status; returns the milliseconds it took. */
    static long awaitStatus(String url, int status, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(url + " did not answer " + status + " within " + timeout.toSeconds() + " s");
    }
}
