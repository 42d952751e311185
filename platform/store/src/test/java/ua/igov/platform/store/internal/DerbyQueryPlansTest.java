package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import ua.igov.platform.store.EscalationCandidate;

/**
 * The plans embedded Derby makes for queries it would otherwise run badly, read from its runtime statistics. Derby
 * only: PostgreSQL plans by its own statistics, and the hints are comments to it (the postgresql profile leaves this
 * class out).
 */
class DerbyQueryPlansTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final MigratedDatabase database = TestDatabases.freshDerby();
    private final JdbcEscalationStore escalations = new JdbcEscalationStore(database);

    @Test
    void findingNoUnclaimedApplicationVisitsNoApplicationOnDerby() throws Exception {
        for (int i = 0; i < 200; i++) {
            // unclaimed, but all too recent to remind of
            JdbcEscalationStoreTest.submit(new JdbcApplicationStore(database), NOW, NOW.plus(Duration.ofDays(30)));
        }
        assertEquals(List.of(), escalations.unclaimedSince(NOW.minus(Duration.ofHours(1)), null, 100));
        String plan = plan(String.format(JdbcEscalationStore.UNCLAIMED, ""), NOW.minus(Duration.ofHours(1)), 100);
        assertTrue(plan.contains("using index IX_APPLICATION_SUBMITTED_PAGE"), plan);
        assertFalse(plan.contains("Number of rows visited=200"), "not the whole table: " + plan);
    }

    /**
     * A page in the middle of a backlog reads that page's rows from the index and stops, even in the middle of a
     * hundred applications due at the same moment (deadlines end at midnight): no sort of every match, no walk over
     * the rows before it. (Paged by id as before, the page of 80 after the 150th id visited all 400 rows and sorted the 250 above it.)
     */
    @Test
    void aPageOfABacklogVisitsOnlyThatPagesRows() throws Exception {
        JdbcApplicationStore applications = new JdbcApplicationStore(database);
        for (int i = 0; i < 400; i++) {
            // overdue, a hundred due at each of four moments, submitted at four moments the other way round
            JdbcEscalationStoreTest.submit(applications, NOW.minus(Duration.ofDays(40 + (i + 1) % 4)),
                    NOW.minus(Duration.ofHours(1 + i % 4)));
        }
        EscalationCandidate last = escalations.dueBy("submitted", NOW, null, 150).get(149);
        String restOfTheMoment = "AND a.due_at = ? AND a.id > ?";
        assertOnePage(plan(String.format(JdbcEscalationStore.DUE_BY, restOfTheMoment), "submitted", NOW,
                last.dueAt(), last.id(), 80), "IX_APPLICATION_DUE_PAGE");
        assertOnePage(plan(String.format(JdbcEscalationStore.DUE_BY, "AND a.due_at > ?"), "submitted", NOW,
                last.dueAt(), 30), "IX_APPLICATION_DUE_PAGE");
        String dueBetween = String.format(JdbcEscalationStore.DUE_BETWEEN, "?", restOfTheMoment);
        assertOnePage(plan(dueBetween, "submitted", NOW, "residence-registration", last.dueAt(), last.id(), 80),
                "IX_APPLICATION_DUE_PAGE");

        EscalationCandidate unclaimed = escalations.unclaimedSince(NOW, null, 150).get(149);
        assertOnePage(plan(String.format(JdbcEscalationStore.UNCLAIMED, "AND a.submitted_at = ? AND a.id > ?"), NOW,
                unclaimed.submittedAt(), unclaimed.id(), 80), "IX_APPLICATION_SUBMITTED_PAGE");
        assertOnePage(plan(String.format(JdbcEscalationStore.UNCLAIMED, "AND a.submitted_at > ?"), NOW,
                unclaimed.submittedAt(), 30), "IX_APPLICATION_SUBMITTED_PAGE");
    }

    private static void assertOnePage(String plan, String index) {
        assertTrue(plan.contains("using index " + index), plan);
        assertFalse(plan.contains("Sort ResultSet"), "read in the index's order, not sorted: " + plan);
        Matcher visited = Pattern.compile("Number of rows visited=(\\d+)").matcher(plan);
        while (visited.find()) {
            assertTrue(Integer.parseInt(visited.group(1)) <= 81, "one page, not the backlog: " + plan);
        }
    }

    /** Derby's runtime statistics of one execution of {@code sql} with these parameters. */
    private String plan(String sql, Object... parameters) throws Exception {
        try (Connection c = database.jdbc().dataSource().getConnection();
             java.sql.Statement statistics = c.createStatement();
             PreparedStatement ps = c.prepareStatement(sql)) {
            statistics.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof Instant at) {
                    ps.setTimestamp(i + 1, Jdbc.timestamp(at), Jdbc.UTC.get());
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
            try (ResultSet rs = statistics.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
