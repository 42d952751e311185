import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.derby.jdbc.EmbeddedDataSource;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.EscalationCandidate;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.internal.JdbcApplicationStore;
import ua.igov.platform.store.internal.JdbcEscalationStore;
import ua.igov.platform.store.internal.MigratedDatabase;

/**
 * What reading an overdue backlog costs the escalation scheduler on embedded Derby, as the backlog grows: every page of
 * the overdue applications, as each run reads them, through the store's paging (index order, each page starting after
 * the last row read) and, as the baseline in the same run on the same rows, the paging by id the store used before
 * (find every match, sort by id, keep one page). Linear paging doubles its time when the backlog doubles; paging that
 * re-reads the backlog for every page quadruples it.
 *
 * Usage: bench/escalation-backlog.sh [LARGEST_BACKLOG=40000] [BATCH=500]
 */
public class EscalationBacklogBench {

    /** The query the store paged by before changeset 0024, kept here only as the baseline. */
    static final String BY_ID = "SELECT a.id, a.tracking_number, a.service_code, a.form_version, a.region_id, "
            + "a.authority_id, a.status, a.step_no, a.submitted_at, a.due_at FROM application a "
            + "WHERE a.status IN (?) AND a.due_at <= ? AND a.id > ? ORDER BY a.id";

    public static void main(String[] args) throws Exception {
        int largest = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        System.setProperty("derby.language.identityGeneratorCacheSize", "1000");
        System.setProperty("derby.language.sequenceGeneratorCacheSize", "1000");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:escalation-backlog");
        dataSource.setCreateDatabase("create");
        MigratedDatabase database = new MigratedDatabase(dataSource);
        JdbcApplicationStore applications = new JdbcApplicationStore(database);
        JdbcEscalationStore escalations = new JdbcEscalationStore(database);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        System.out.printf(Locale.ROOT, "Embedded Derby (in memory), pages of %d; each figure the best of 3 runs%n", batch);
        System.out.printf(Locale.ROOT, "%-16s %22s %22s %10s%n", "overdue backlog", "store's paging (ms)",
                "paging by id (ms)", "by id / store");
        int stored = 0;
        for (int backlog = largest / 8; backlog <= largest; backlog *= 2) {
            for (; stored < backlog; stored++) {
                // due at one of twenty midnights, as deadlines are: many applications share each due date
                Instant due = now.minus(Duration.ofDays(1 + stored % 20));
                applications.insert(new NewApplication("residence-registration", "dnipropetrovsk", 1, 29, 100, "1.0",
                                "0.1.0", "{\"a\":1}", new StatusChange("submitted", due.minus(Duration.ofDays(10)),
                                "citizen", "submit", null, null), "dev:bench", 89, due, 0),
                        n -> "1-" + n, new AuditEntry(due, "citizen", "submit", null, null));
            }
            long store = Long.MAX_VALUE;
            long byId = Long.MAX_VALUE;
            for (int round = 0; round < 3; round++) {
                long t0 = System.nanoTime();
                int read = viaStore(escalations, now, batch);
                store = Math.min(store, System.nanoTime() - t0);
                t0 = System.nanoTime();
                int readById = byId(dataSource, now, batch);
                byId = Math.min(byId, System.nanoTime() - t0);
                if (read != backlog || readById != backlog) {
                    throw new IllegalStateException("read " + read + " and " + readById + " of " + backlog);
                }
            }
            System.out.printf(Locale.ROOT, "%-16d %22.1f %22.1f %10.1f%n", backlog, store / 1e6, byId / 1e6,
                    (double) byId / store);
        }
    }

    static int viaStore(JdbcEscalationStore escalations, Instant now, int batch) {
        int read = 0;
        EscalationCandidate after = null;
        List<EscalationCandidate> page;
        do {
            page = escalations.dueBy("submitted", now, after, batch);
            read += page.size();
            after = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == batch);
        return read;
    }

    static int byId(javax.sql.DataSource dataSource, Instant now, int batch) throws Exception {
        int read = 0;
        long after = 0;
        int size;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(BY_ID)) {
            do {
                ps.setString(1, "submitted");
                ps.setTimestamp(2, java.sql.Timestamp.from(now));
                ps.setLong(3, after);
                ps.setMaxRows(batch);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        rs.getString(2);
                        rs.getTimestamp(10);
                    }
                }
                size = ids.size();
                read += size;
                if (size > 0) {
                    after = ids.get(size - 1);
                }
            } while (size == batch);
        }
        return read;
    }
}
