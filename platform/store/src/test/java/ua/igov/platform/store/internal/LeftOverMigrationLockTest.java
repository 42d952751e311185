package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** On Derby and (under the postgresql profile) on PostgreSQL. */
class LeftOverMigrationLockTest {

    /**
     * A node killed while migrating leaves Liquibase's lock row set. Liquibase would wait five minutes for it and
     * fail, on every node, for good; the platform's own lock shows nobody migrates, so the next start goes through.
     */
    @Test
    void aLockLeftByANodeKilledWhileMigratingDoesNotKeepTheStoreDown() throws Exception {
        // killed on the first start, just after taking Liquibase's lock: every changeset is still to run
        DataSource database = TestDatabases.freshDataSource();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE databasechangeloglock (id INT NOT NULL PRIMARY KEY, locked BOOLEAN NOT NULL, "
                    + "lockgranted TIMESTAMP, lockedby VARCHAR(255))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO databasechangeloglock VALUES (1, ?, ?, ?)")) {
                ps.setBoolean(1, true);
                ps.setTimestamp(2, new Timestamp(System.currentTimeMillis() - 60_000));
                ps.setString(3, "node-a (killed)");
                assertEquals(1, ps.executeUpdate());
            }
        }

        CompletableFuture.runAsync(() -> SchemaMigrator.migrate(database)).get(90, TimeUnit.SECONDS);

        assertEquals(List.of(), SchemaMigrator.pending(database));
        try (Connection c = database.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT locked FROM databasechangeloglock WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(false, rs.getBoolean(1), "released after the migration");
        }
    }
}
