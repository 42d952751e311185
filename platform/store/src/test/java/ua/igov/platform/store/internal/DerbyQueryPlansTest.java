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

import org.junit.jupiter.api.Test;

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
        assertEquals(List.of(), escalations.unclaimedSince(NOW.minus(Duration.ofHours(1)), 0, 100));
        try (Connection c = database.jdbc().dataSource().getConnection();
             java.sql.Statement statistics = c.createStatement();
             PreparedStatement ps = c.prepareStatement(JdbcEscalationStore.UNCLAIMED)) {
            statistics.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            ps.setTimestamp(1, Jdbc.timestamp(NOW.minus(Duration.ofHours(1))), Jdbc.UTC.get());
            ps.setLong(2, 0);
            ps.setMaxRows(100);
            try (ResultSet rs = ps.executeQuery()) {
                assertFalse(rs.next());
            }
            try (ResultSet rs = statistics.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rs.next();
                String plan = rs.getString(1);
                assertTrue(plan.contains("using index IX_APPLICATION_STATUS_SUBMITTED"), plan);
                assertFalse(plan.contains("Number of rows visited=200"), "not the whole table: " + plan);
            }
        }
    }
}
