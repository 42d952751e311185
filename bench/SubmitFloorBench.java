import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.derby.jdbc.EmbeddedDataSource;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.internal.JdbcApplicationStore;
import ua.igov.platform.store.internal.MigratedDatabase;

/**
 * What the database part of a request costs on embedded Derby, with no HTTP in the way: one thread, a durable
 * database on the data disk, CPU time of that thread per operation (Derby runs in the caller's thread). It tells how
 * much of a submission's server CPU (bench/run.sh) is the store's one transaction, against the cheapest durable
 * transaction Derby can do and a status read's lookup.
 *
 * Usage: bench/submit-floor.sh [SECONDS=5]
 */
public class SubmitFloorBench {

    interface Op {
        void run() throws Exception;
    }

    static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        int seconds = Integer.parseInt(args[1]);
        if (Files.exists(work)) {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        System.setProperty("derby.stream.error.file", work.resolve("derby.log").toString());
        System.setProperty("derby.language.identityGeneratorCacheSize", "1000");
        System.setProperty("derby.language.sequenceGeneratorCacheSize", "1000");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(work.resolve("db").toString());
        dataSource.setCreateDatabase("create");
        JdbcApplicationStore store = new JdbcApplicationStore(new MigratedDatabase(pooled(dataSource)));
        String tracking = submit(store);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE floor_probe (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v VARCHAR(100))");
        }
        Connection probe = dataSource.getConnection();
        probe.setAutoCommit(false);
        PreparedStatement insert = probe.prepareStatement("INSERT INTO floor_probe (v) VALUES (?)");

        System.out.printf(Locale.ROOT, "Derby, one thread, durable commits, %d s per operation after as long a warm-up%n", seconds);
        System.out.printf(Locale.ROOT, "%-62s %10s %12s%n", "operation", "per second", "CPU per op");
        measure("status read's lookup (findHead: one row by tracking number)", seconds, () -> store.findHead(tracking).orElseThrow());
        measure("full read's lookup (application joined with its history)", seconds, () -> store.findByTrackingNumber(tracking).orElseThrow());
        measure("cheapest durable write: one-row INSERT + COMMIT", seconds, () -> {
            insert.setString(1, "x");
            insert.executeUpdate();
            probe.commit();
        });
        measure("a submission's transaction (store.insert as the platform calls it)", seconds, () -> submit(store));
    }

    /**
     * One connection, handed out again and again, keeping its prepared statements: what the runtime's pool
     * (DBCP2 with {@code poolStatements}) gives a request, without which a new Derby connection per call would be
     * most of what is measured.
     */
    static javax.sql.DataSource pooled(javax.sql.DataSource dataSource) throws Exception {
        Connection real = dataSource.getConnection();
        java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();
        Connection shared = (Connection) java.lang.reflect.Proxy.newProxyInstance(SubmitFloorBench.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "close":
                            real.setAutoCommit(true);
                            return null;
                        case "prepareStatement":
                            if (arguments.length <= 2) {
                                String key = arguments[0] + (arguments.length == 2 ? "#" + arguments[1] : "");
                                PreparedStatement cached = statements.get(key);
                                if (cached == null) {
                                    PreparedStatement made = (PreparedStatement) invoke(method, real, arguments);
                                    cached = (PreparedStatement) java.lang.reflect.Proxy.newProxyInstance(
                                            SubmitFloorBench.class.getClassLoader(), new Class<?>[] {PreparedStatement.class},
                                            (p, m, a) -> m.getName().equals("close") ? null : invoke(m, made, a));
                                    statements.put(key, cached);
                                }
                                return cached;
                            }
                            return invoke(method, real, arguments);
                        default:
                            return invoke(method, real, arguments);
                    }
                });
        return (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(SubmitFloorBench.class.getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class},
                (proxy, method, arguments) -> method.getName().equals("getConnection") ? shared : invoke(method, dataSource, arguments));
    }

    static Object invoke(java.lang.reflect.Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    static String submit(JdbcApplicationStore store) {
        Instant now = Instant.now();
        return store.insert(new NewApplication("residence-registration", "dnipropetrovsk", 1, 29, 100, "1.0", "0.1.0",
                        "{\"applicant\":{\"lastName\":\"Шевченко\",\"firstName\":\"Тарас\"},\"basis\":\"owner\"}",
                        new StatusChange("submitted", now, "citizen:dev:bench", "submit", null, null), "dev:bench", 89,
                        now.plusSeconds(86_400), 0),
                n -> "1-" + n, new AuditEntry(now, "citizen:dev:bench", "submit", null, "residence-registration at offering 100"),
                new CitizenContact("taras@example.com", "+380501234567", "uk"),
                n -> List.of(new OutboxMessage("email", "taras@example.com", "Заяву прийнято", "Номер заяви " + n, n),
                        new OutboxMessage("sms", "+380501234567", null, "Заяву " + n + " прийнято", n)))
                .trackingNumber();
    }

    static void measure(String name, int seconds, Op op) throws Exception {
        loop(seconds, op); // warm-up: JIT, Derby's statement and page caches
        long cpu0 = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long n = loop(seconds, op);
        long cpu = CPU.getCurrentThreadCpuTime() - cpu0;
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-62s %10.0f %9.0f µs%n", name, n / elapsed, cpu / 1000.0 / n);
    }

    static long loop(int seconds, Op op) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long n = 0;
        while (System.nanoTime() < end) {
            op.run();
            n++;
        }
        return n;
    }
}
