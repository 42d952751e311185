package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, migrated database for each test: in-memory Derby by default, or a new schema on the PostgreSQL server
 * named by {@code IGOV_TEST_POSTGRES_URL} when the tests run with {@code -Digov.test.database=postgresql} (the
 * {@code postgresql} Maven profile). The same tests, the same migrations, both databases.
 */
final class TestDatabases {

    static final String POSTGRES_URL = "IGOV_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty("igov.test.database"));
    }

    static MigratedDatabase fresh() {
        return new MigratedDatabase(freshDataSource());
    }

    /** An empty database, not migrated yet. */
    static javax.sql.DataSource freshDataSource() {
        return postgres() ? freshPostgres() : freshDerbySource();
    }

    static MigratedDatabase freshDerby() {
        return new MigratedDatabase(freshDerbySource());
    }

    private static javax.sql.DataSource freshDerbySource() {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:store-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    private static javax.sql.DataSource freshPostgres() {
        String url = System.getenv(POSTGRES_URL);
        if (url == null) {
            throw new IllegalStateException(POSTGRES_URL + " is not set: bash .ci/run starts PostgreSQL and sets it");
        }
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test PostgreSQL at " + url, e);
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }
}
