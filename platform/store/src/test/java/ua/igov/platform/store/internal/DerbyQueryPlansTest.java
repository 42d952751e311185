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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import ua.igov.platform.store.EscalationCandidate;
import ua.igov.platform.store.ListPosition;
import ua.igov.platform.store.QueueQuery;
import ua.igov.platform.store.StoredApplication;

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

    /**
     * A page of an authority's queue of three statuses reads at most a page of each status from the index and then
     * that page's rows by id; the first page and a later one alike. (Read as one sorted set, every one of the 400
     * open applications was visited and sorted for each page.)
     */
    @Test
    void aPageOfAnAuthoritysQueueVisitsAPageOfEachStatusNotTheWholeQueue() throws Exception {
        JdbcApplicationStore applications = new JdbcApplicationStore(database);
        String[] statuses = {"submitted", "in_review", "approved"};
        for (int i = 0; i < 400; i++) {
            StoredApplication app = JdbcEscalationStoreTest.submit(applications, NOW,
                    NOW.plus(Duration.ofDays(1 + i % 4)));
            try (Connection c = database.jdbc().dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE application SET status = ? WHERE id = ?")) {
                ps.setString(1, statuses[i % 3]);
                ps.setLong(2, app.id());
                assertEquals(1, ps.executeUpdate());
            }
        }
        QueueQuery first = new QueueQuery(Set.of(7), Set.of(statuses), null, null, 21);
        List<StoredApplication> page = applications.queue(first);
        assertEquals(21, page.size());
        StoredApplication last = page.get(20);
        QueueQuery next = new QueueQuery(Set.of(7), Set.of(statuses), null, new ListPosition(last.dueAt(), last.id()),
                21);
        for (QueueQuery query : List.of(first, next)) {
            QueueStatement statement = QueueStatement.of(query, JdbcApplicationStore.COLUMNS);
            String plan = plan(statement.sql(), statement.parameters().toArray());
            assertTrue(plan.contains("using index IX_APPLICATION_QUEUE_PAGE"), plan);
            Matcher visited = Pattern.compile("Number of rows visited=(\\d+)").matcher(plan);
            int scans = 0;
            while (visited.find()) {
                scans++;
                assertTrue(Integer.parseInt(visited.group(1)) <= 22, "a page of each part, not the queue: " + plan);
            }
            assertTrue(scans >= 3, plan);
        }
    }

    /**
     * A delivery lane's batch from a backlog of 400 messages on two channels, a hundred due at each of four moments,
     * some leased by another node: the rows of its channel from the index's start, no sort of every due message.
     */
    @Test
    void aBatchFromAnOutboxBacklogVisitsAboutABatchOfRows() throws Exception {
        JdbcOutboxStore outbox = new JdbcOutboxStore(database);
        for (int i = 0; i < 400; i++) {
            outbox.enqueue(new ua.igov.platform.store.OutboxMessage(i % 2 == 0 ? "email" : "sms", "a@example.org", "s",
                    "m" + i, null), NOW.minusSeconds(60L * (1 + (i / 2) % 4)));
        }
        assertEquals(5, outbox.claim("another-node", Set.of("email"), NOW, Duration.ofMinutes(2), 5).size());
        String plan = plan(JdbcOutboxStore.DUE_ON_A_CHANNEL, "email", NOW, NOW, 20);
        assertOnePage(plan, "IX_OUTBOX_CLAIM");
        Matcher visited = Pattern.compile("Number of rows visited=(\\d+)").matcher(plan);
        while (visited.find()) {
            assertTrue(Integer.parseInt(visited.group(1)) <= 26, "the batch and the five leased: " + plan);
        }
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
