package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.StoreException;

/** What {@link Jdbc#inTransaction} does when the database rolls a transaction back on its own, and when it does not. */
class JdbcTransactionTest {

    private Jdbc jdbc;

    @BeforeEach
    void setUp() {
        jdbc = TestDatabases.freshDerby().jdbc();
    }

    private long serviceTypes() {
        return jdbc.read("count", c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM service_type")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void insertServiceType(java.sql.Connection c, String code) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO service_type (code, name_uk, form_version, updated_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
            ps.setString(1, code);
            ps.setString(2, code);
            ps.setString(3, "1");
            ps.executeUpdate();
        }
    }

    @Test
    void aTransactionTheDatabaseRolledBackIsRunAgainAndWhatItWroteTheFirstTimeIsGone() {
        AtomicInteger attempts = new AtomicInteger();
        String result = jdbc.inTransaction("write", c -> {
            insertServiceType(c, "t" + attempts.incrementAndGet());
            if (attempts.get() == 1) {
                throw new SQLTransactionRollbackException("A lock could not be obtained within the time requested", "40XL1");
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(2, attempts.get());
        assertEquals(1, serviceTypes(), "the first attempt's row was rolled back");
    }

    /** Switching autocommit back on commits an open transaction: an Error must roll it back first. */
    @Test
    void anErrorHalfWayLeavesNothingWritten() {
        assertThrows(OutOfMemoryError.class, () -> jdbc.inTransaction("write", c -> {
            insertServiceType(c, "half");
            throw new OutOfMemoryError("Java heap space");
        }));
        assertEquals(0, serviceTypes());
    }

    @Test
    void itGivesUpAfterFiveAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        StoreException e = assertThrows(StoreException.class, () -> jdbc.inTransaction("write", c -> {
            attempts.incrementAndGet();
            throw new SQLException("deadlock", "40001");
        }));
        assertEquals(Jdbc.ATTEMPTS, attempts.get());
        assertEquals("40001", ((SQLException) e.getCause()).getSQLState());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(StoreException.class, () -> jdbc.inTransaction("write", c -> {
            attempts.incrementAndGet();
            insertServiceType(c, "same");
            insertServiceType(c, "same"); // duplicate key: 23505, the caller's problem
            return null;
        }));
        assertEquals(1, attempts.get());
        assertThrows(IllegalStateException.class, () -> jdbc.inTransaction("write", c -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("a bug");
        }));
        assertEquals(2, attempts.get());
        assertEquals(0, serviceTypes());
    }

    /** What a connection does in place of one of its calls, given the real connection. */
    @FunctionalInterface
    private interface Instead {
        void of(java.sql.Connection real) throws SQLException;
    }

    /** A data source whose connections do {@code instead} where {@code methodName} is called, the rest for real. */
    private javax.sql.DataSource intercepting(String methodName, Instead instead) {
        return InterceptedConnections.of(jdbc.dataSource(), (connection, method, args) -> {
            if (!method.equals(methodName)) {
                return InterceptedConnections.PROCEED;
            }
            instead.of(connection);
            return null;
        });
    }

    /** A data source whose connections fail each commit with {@code state}, after committing for real or not. */
    private javax.sql.DataSource failingAtCommit(String state, boolean commitFirst) {
        return intercepting("commit", connection -> {
            if (commitFirst) {
                connection.commit();
            }
            throw new SQLException("commit failed", state);
        });
    }

    /**
     * The connection breaks as the database commits: the rows may be there. Running the work again would write them
     * twice, so it is not, and the caller learns that the outcome is unknown rather than "nothing was written".
     */
    @Test
    void aCommitTheConnectionLostIsNotRunAgainAndSaysItsOutcomeIsUnknown() {
        Jdbc breaking = new Jdbc(failingAtCommit("08006", true));
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        assertThrows(ua.igov.platform.store.CommitOutcomeUnknownException.class, () -> breaking.inTransaction("submit", c -> {
            runs.incrementAndGet();
            insertServiceType(c, "x");
            return null;
        }));
        assertEquals(1, runs.get(), "not run again");
        assertEquals(1, serviceTypes(), "stored once, as the database committed it");
    }

    /** Committed, then the connection cannot be handed back: the work is done, and saying otherwise would repeat it. */
    @Test
    void aConnectionThatCannotBeClosedAfterItsCommitDoesNotUndoTheAnswer() {
        Jdbc closing = new Jdbc(intercepting("close", connection -> {
            connection.close();
            throw new SQLException("connection reset", "08006");
        }));
        AtomicInteger runs = new AtomicInteger();
        assertEquals("done", closing.inTransaction("submit", c -> {
            runs.incrementAndGet();
            insertServiceType(c, "x");
            return "done";
        }));
        assertEquals(1, runs.get());
        assertEquals(1, serviceTypes());
    }

    /** A commit the database itself refused (a serialization failure) wrote nothing and is run again as before. */
    @Test
    void aCommitTheDatabaseRefusedIsAnOrdinaryFailure() {
        Jdbc refusing = new Jdbc(failingAtCommit("40001", false));
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        StoreException e = assertThrows(StoreException.class, () -> refusing.inTransaction("submit", c -> {
            runs.incrementAndGet();
            insertServiceType(c, "x" + runs.get());
            return null;
        }));
        assertFalse(e instanceof ua.igov.platform.store.CommitOutcomeUnknownException, e.toString());
        assertEquals(Jdbc.ATTEMPTS, runs.get(), "rolled back by the database: run again");
        assertEquals(0, serviceTypes());
    }

    /**
     * The connection breaks under a transaction that failed for a reason of its own (a row changed meanwhile): the
     * caller still gets that reason (a 409 to the citizen), not the broken rollback's (a 503).
     */
    @Test
    void aRollbackThatFailsDoesNotHideWhyTheTransactionFailed() {
        javax.sql.DataSource breaking = intercepting("rollback", connection -> {
            connection.rollback();
            throw new SQLException("connection reset", "08006");
        });
        Jdbc broken = new Jdbc(breaking);
        ua.igov.platform.store.ConcurrentChangeException changed = assertThrows(
                ua.igov.platform.store.ConcurrentChangeException.class, () -> broken.inTransaction("step", c -> {
                    insertServiceType(c, "x");
                    throw new ua.igov.platform.store.ConcurrentChangeException("changed meanwhile");
                }));
        assertEquals("08006", ((SQLException) changed.getSuppressed()[0]).getSQLState());
        assertEquals(0, serviceTypes());
    }
}
