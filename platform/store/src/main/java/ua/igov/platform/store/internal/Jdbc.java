package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.store.StoreException;

/** Runs work in one transaction: commit on success, roll back on any failure, so nothing half-written stays. */
final class Jdbc {

    private static final Logger LOG = LoggerFactory.getLogger(Jdbc.class);

    /** Timestamps are stored in UTC whatever the node's time zone, so nodes in different zones agree. */
    static final ThreadLocal<Calendar> UTC = ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs the work in one transaction. A transaction the database rolled back on its own (a deadlock victim, a
     * serialization failure, or Derby failing to take the lock for the next identity or sequence range under
     * contention: SQLState class 40 and X0Y84) is run again, up to {@value #ATTEMPTS} times in all: it left nothing behind,
     * and the work only touches the database, so running it again is safe. Any other failure is the caller's.
     */
    <T> T inTransaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (CommitNotConfirmed e) {
                throw new ua.igov.platform.store.CommitOutcomeUnknownException("cannot " + what + ": the database did not "
                        + "confirm the commit, so it may or may not have been written: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && rolledBackByTheDatabase(e)) {
                    pause(attempt);
                    continue;
                }
                throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
            }
        }
    }

    static final int ATTEMPTS = 5;

    private <T> T once(Work<T> work) throws SQLException {
        Connection connection = dataSource.getConnection();
        T result;
        try {
            result = inOne(connection, work);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                connection.close();
            } catch (SQLException closeFailed) {
                e.addSuppressed(closeFailed);
            }
            throw e;
        }
        try {
            connection.close();
        } catch (SQLException closeFailed) {
            // committed: a connection that cannot be handed back changes nothing of that, and failing here would make
            // the caller (a group of submissions) write it all again
            LOG.warn("A connection could not be closed after its commit: {}", closeFailed.toString());
        }
        return result;
    }

    private static <T> T inOne(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        // Whether the transaction ended, committed or rolled back: switching autocommit back on an open one would
        // commit it, so an open one is left to the pool, which rolls back what it is given back.
        boolean ended = false;
        try {
            T result = work.run(connection);
            try {
                connection.commit();
                ended = true;
            } catch (SQLException notConfirmed) {
                if (connectionLost(notConfirmed)) {
                    // the server may have committed before the connection broke: not a failure to run again
                    throw new CommitNotConfirmed(notConfirmed);
                }
                throw notConfirmed; // refused by the database (a serialization failure, say): nothing written
            }
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            // An Error too (out of memory, a plugin's class gone from under it): the finally's switch back to
            // autocommit would otherwise commit the half that was written.
            try {
                connection.rollback();
                ended = true;
            } catch (SQLException rollbackFailed) {
                // the connection broke: the original failure is what callers tell by (409, a duplicate key...)
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        } finally {
            try {
                if (ended) {
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException broken) {
                // a broken connection: the pool tests it before it is lent again (pool.testOnBorrow, on PostgreSQL)
            }
        }
    }

    /** A commit that threw: whether it took effect is unknown. */
    private static final class CommitNotConfirmed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitNotConfirmed(SQLException cause) {
            super(cause);
        }
    }

    /** A failure of the connection, not an answer of the database: SQLState class 08, or none at all. */
    static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || e instanceof java.sql.SQLRecoverableException
                || e instanceof java.sql.SQLNonTransientConnectionException
                || e instanceof java.sql.SQLTransientConnectionException;
    }

    static boolean rolledBackByTheDatabase(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            // X0Y84: Derby's "too much contention on sequence", the same collision reported at statement level
            if (s instanceof java.sql.SQLTransactionRollbackException
                    || (state != null && (state.startsWith("40") || state.equals("X0Y84")))) {
                return true;
            }
        }
        return false;
    }

    /** A short random wait, so transactions that collided do not collide again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 5L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    <T> T read(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * A read of many rows that must stream: PostgreSQL's driver honours a statement's fetch size only inside a
     * transaction, and otherwise reads every row into memory at once. Runs with autocommit off and rolls back (it
     * wrote nothing).
     */
    <T> T readStreaming(String what, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                try {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                } catch (SQLException broken) {
                    // a broken connection: the pool tests it before it is lent again (pool.testOnBorrow, on PostgreSQL)
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        }
    }

    /** One row of a result set as a value. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * The end of a query that reads at most as many rows as its last parameter says. In the SQL, not only
     * {@code setMaxRows}: pgjdbc does not pass that on, so PostgreSQL planned for every row (a sort spilled to disk
     * for a page of 51 reviews of a popular service) where an index walked in order reads just the page.
     */
    static final String FIRST_ROWS = " FETCH FIRST ? ROWS ONLY";

    /**
     * Runs a query ending in {@link #FIRST_ROWS}, whose parameter {@code limitParameter} that is, and reads at most
     * {@code limit} rows, in the query's order.
     */
    static <T> java.util.List<T> rows(PreparedStatement ps, int limitParameter, int limit, Row<T> row) throws SQLException {
        ps.setInt(limitParameter, limit);
        try (ResultSet rs = ps.executeQuery()) {
            java.util.List<T> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        }
    }

    /**
     * An instant as both databases keep it: to the microsecond, cut here rather than left to the driver and the
     * database. Were a time rounded up into the next millisecond on its way in (PostgreSQL rounds half up what it is
     * given finer than a microsecond; pgjdbc 42.7 happens to cut first), the audit entry hashed with the millisecond
     * it was written with would read as edited.
     */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static void setNullableInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    /** By position: reading a column by name costs Derby a case-folded copy of the name and a lookup per call. */
    static Integer nullableInt(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
