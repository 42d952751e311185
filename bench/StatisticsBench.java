import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.derby.jdbc.EmbeddedDataSource;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.StatisticsReport;
import ua.igov.platform.core.internal.StatisticsManager;
import ua.igov.platform.spi.Role;
import ua.igov.platform.store.internal.JdbcStatisticsStore;
import ua.igov.platform.store.internal.MigratedDatabase;

/**
 * Statistics over a million applications on embedded Derby: seeds them straight into the application table through
 * JDBC (a year of submissions, 27 regions, 108 authorities, 540 officials, 3 services), rolls them up with the
 * store's own rebuild, then times the statistics the REST API and the console answer with. The baseline, measured
 * in the same run on the same database, is what the rollup replaces: one GROUP BY over the application table.
 *
 * Usage (bench/stats.sh builds the class path): java -cp ... bench/StatisticsBench.java DIRECTORY [APPLICATIONS]
 */
public class StatisticsBench {

    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final LocalDate TODAY = LocalDate.now(KYIV);
    private static final int DAYS = 365;
    private static final String[] SERVICES = {"residence-registration", "land-cadastre-extract", "civil-status-extract"};

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int applications = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        System.setProperty("derby.system.home", directory.toString());
        System.setProperty("derby.storage.pageCacheSize", "20000"); // 80 MB of 4 KB pages (Derby's default is 4 MB)
        System.setProperty("derby.system.durability", "test"); // seeding a million rows without a sync per commit
        boolean fresh = !Files.exists(directory.resolve("bench"));
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("bench");
        dataSource.setCreateDatabase("create");
        MigratedDatabase database = new MigratedDatabase(dataSource);
        JdbcStatisticsStore store = new JdbcStatisticsStore(database);
        if (fresh) {
            long t0 = System.nanoTime();
            seed(dataSource, applications);
            long t1 = System.nanoTime();
            long rolledUp = store.rebuild();
            long t2 = System.nanoTime();
            System.out.printf(Locale.ROOT, "seeded %,d applications in %.0f s; rolled up in %.0f s%n", rolledUp,
                    (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM application), (SELECT COUNT(*) FROM stats_cell) "
                     + "FROM stats_backfill")) {
            rs.next();
            System.out.printf(Locale.ROOT, "%,d applications, %,d rollup rows (5 dimensions)%n", rs.getLong(1), rs.getLong(2));
        }

        StatisticsManager statistics = new StatisticsManager(store, place -> null, java.time.Clock.systemUTC());
        Caller operator = new Caller.Staff("bench", Set.of(), Set.of(), true);
        Caller supervisor = new Caller.Staff("bench", Set.of(Role.SUPERVISOR), Set.of(1003), false);
        String from = TODAY.minusDays(DAYS).toString();
        String to = TODAY.toString();
        List<Object[]> runs = new ArrayList<>();
        runs.add(new Object[] {"baseline: GROUP BY over the application table", timed(() -> scan(dataSource))});
        runs.add(new Object[] {"by region, a year, every authority (operator)",
                timed(() -> statistics.statistics(operator, "region", from, to, null))});
        runs.add(new Object[] {"by service, a year, every authority (operator)",
                timed(() -> statistics.statistics(operator, "service", from, to, null))});
        runs.add(new Object[] {"by official, a year, every authority (operator)",
                timed(() -> statistics.statistics(operator, "official", from, to, null))});
        runs.add(new Object[] {"by official, a year, one authority (supervisor)",
                timed(() -> statistics.statistics(supervisor, "official", from, to, null))});
        LocalDate lastMonth = TODAY.minusMonths(1);
        runs.add(new Object[] {"open data by place, last month",
                timed(() -> statistics.openData("place", lastMonth.withDayOfMonth(1).toString(),
                        lastMonth.withDayOfMonth(lastMonth.lengthOfMonth()).toString()))});
        StatisticsReport check = statistics.statistics(operator, "region", from, to, null);
        System.out.printf(Locale.ROOT, "the report by region counts %,d applications in %d regions; median %d h, "
                + "p90 %d h, on time %.1f %%, overdue now %,d%n", check.total().applications(), check.rows().size(),
                check.total().medianHours(), check.total().p90Hours(), 100 * check.total().onTimeShare(),
                check.total().overdueNow());
        double baseline = ((double[]) runs.get(0)[1])[0];
        System.out.printf(Locale.ROOT, "%-52s %9s %9s %9s%n", "statistics over the whole year", "p50 ms", "max ms", "ratio");
        for (Object[] run : runs) {
            double[] ms = (double[]) run[1];
            System.out.printf(Locale.ROOT, "%-52s %9.1f %9.1f %8.1f%%%n", run[0], ms[0], ms[1], 100 * ms[0] / baseline);
        }
    }

    /** p50 and max of 15 timed calls after 5 to warm up. */
    private static double[] timed(Supplier<?> call) {
        for (int i = 0; i < 5; i++) {
            call.get();
        }
        double[] ms = new double[15];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[ms.length / 2], ms[ms.length - 1]};
    }

    /** What statistics would cost without the rollup: counting the applications themselves. */
    private static Object scan(EmbeddedDataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT region_id, status, COUNT(*) FROM application GROUP BY region_id, status")) {
            long rows = 0;
            while (rs.next()) {
                rows += rs.getLong(3);
            }
            return rows;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A year of applications, evenly over the days. Older than a month: decided or cancelled; the last month: a mix
     * with the open statuses, some of them past their deadline.
     */
    private static void seed(EmbeddedDataSource dataSource, int applications) throws Exception {
        Random random = new Random(20261125);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO application (tracking_number, service_code, "
                    + "region_id, place_id, form_version, form_data, status, submitted_at, updated_at, owner, "
                    + "authority_id, assigned_to, due_at, decided_on_time) VALUES (?, ?, ?, ?, '1.0', '{}', ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < applications; i++) {
                    int region = random.nextInt(27);
                    int authority = 1000 + region * 4 + random.nextInt(4);
                    long age = (long) i * DAYS * 86_400 / applications; // seconds before now, spread over the year
                    Instant submitted = TODAY.atStartOfDay(KYIV).toInstant().minusSeconds(age);
                    boolean recent = age < 30 * 86_400L;
                    String status = status(random, recent);
                    long hours = 1 + (long) Math.abs(random.nextGaussian() * 60);
                    Instant decided = submitted.plusSeconds(hours * 3600);
                    boolean finished = Set.of("issued", "rejected", "cancelled").contains(status);
                    ps.setString(1, "9-" + String.format(Locale.ROOT, "%08d", i) + "-0");
                    ps.setString(2, SERVICES[random.nextInt(SERVICES.length)]);
                    ps.setString(3, "region-" + region);
                    ps.setInt(4, 100 + region * 5 + random.nextInt(5));
                    ps.setString(5, status);
                    ps.setTimestamp(6, Timestamp.from(submitted));
                    ps.setTimestamp(7, Timestamp.from(finished ? decided : submitted));
                    ps.setString(8, "bench:" + i);
                    ps.setInt(9, authority);
                    ps.setString(10, "submitted".equals(status) || "cancelled".equals(status) ? null
                            : "official-" + authority + "-" + random.nextInt(5));
                    ps.setTimestamp(11, finished ? null : Timestamp.from(submitted.plusSeconds(5 * 86_400L)));
                    if (Set.of("issued", "rejected").contains(status)) {
                        ps.setInt(12, hours <= 120 ? 1 : 0);
                    } else {
                        ps.setNull(12, java.sql.Types.SMALLINT);
                    }
                    ps.addBatch();
                    if (i % 5000 == 4999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                // every tenth decided application rated, 1 to 5
                s.executeUpdate("INSERT INTO application_rating (application_id, service_code, region_id, authority_id, "
                        + "rating, rated_at) SELECT id, service_code, region_id, authority_id, MOD(id, 5) + 1, updated_at "
                        + "FROM application WHERE status IN ('issued', 'rejected') AND MOD(id, 10) = 0");
            }
            c.commit();
        }
    }

    private static String status(Random random, boolean recent) {
        int dice = random.nextInt(100);
        if (!recent) {
            return dice < 75 ? "issued" : dice < 90 ? "rejected" : "cancelled";
        }
        return dice < 30 ? "issued" : dice < 40 ? "rejected" : dice < 45 ? "cancelled" : dice < 60 ? "submitted"
                : dice < 80 ? "in_review" : dice < 90 ? "needs_information" : "approved";
    }
}
