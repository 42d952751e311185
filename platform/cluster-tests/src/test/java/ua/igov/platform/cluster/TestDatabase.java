package ua.igov.platform.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh database for each test class on the PostgreSQL server named by IGOV_TEST_POSTGRES_URL. */
final class TestDatabase {

    final String url;

    private TestDatabase(String url) {
        this.url = url;
    }

    static TestDatabase fresh() throws SQLException {
        String server = System.getenv("IGOV_TEST_POSTGRES_URL");
        if (server == null) {
            throw new IllegalStateException("IGOV_TEST_POSTGRES_URL is not set: run the tests with bash .ci/run");
        }
        String name = "igov_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new TestDatabase(server.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
    }

    /** One number from the database, e.g. a count. */
    long number(String sql, Object... parameters) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
