package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.LoginFailures;

class JdbcStaffLoginStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Duration LOCK = Duration.ofMinutes(15);

    private Database database;
    private JdbcStaffLoginStore logins;

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh();
        logins = new JdbcStaffLoginStore(database);
    }

    private LoginFailures fail(String account, Instant at) {
        return logins.failed(account, at, 3, WINDOW, LOCK);
    }

    @Test
    void theFailureThatReachesTheLimitLocksTheAccountForTheLockTime() {
        assertEquals(1, fail("olena", T0).failures());
        LoginFailures second = fail("olena", T0.plusSeconds(10));
        assertEquals(2, second.failures());
        assertNull(second.lockedUntil());
        LoginFailures third = fail("olena", T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(20).plus(LOCK), third.lockedUntil());
        assertTrue(logins.failures("olena").orElseThrow().lockedAt(T0.plusSeconds(21)));
        assertFalse(logins.failures("olena").orElseThrow().lockedAt(T0.plusSeconds(20).plus(LOCK)));
        assertTrue(logins.failures("ivan").isEmpty(), "another account is not touched");
    }

    @Test
    void failuresAreForgottenAfterAWholeWindowWithoutOne() {
        fail("olena", T0);
        fail("olena", T0.plusSeconds(60));
        Instant quietWindowLater = T0.plusSeconds(60).plus(WINDOW).plusSeconds(1);
        LoginFailures later = fail("olena", quietWindowLater);
        assertEquals(1, later.failures(), "a new count: a whole window passed without a wrong password");
        assertEquals(quietWindowLater, later.firstFailedAt());
        assertNull(later.lockedUntil());
    }

    /**
     * The limit holds within any window, wherever it starts: failures just before and just after the moment the
     * first of them is a window old still lock. (The count used to start again at that moment, so a burst straddling
     * it had twice the limit checked within seconds.)
     */
    @Test
    void aBurstStraddlingTheEndOfTheFirstFailuresWindowStillLocks() {
        fail("olena", T0);
        assertNull(fail("olena", T0.plus(WINDOW).minusSeconds(1)).lockedUntil());
        LoginFailures burst = fail("olena", T0.plus(WINDOW).plusSeconds(1));
        burst = burst.lockedUntil() != null ? burst : fail("olena", T0.plus(WINDOW).plusSeconds(2));
        assertTrue(burst.lockedAt(T0.plus(WINDOW).plusSeconds(2)), "three within the last window: locked");
    }

    /** The count that reached the limit (and locked) is taken back: the lock it alone caused goes, the rest stays. */
    @Test
    void takingBackTheCountThatLockedLiftsThatLockOnly() {
        fail("olena", T0);
        fail("olena", T0);
        assertTrue(fail("olena", T0).lockedAt(T0), "the third of three locks");
        logins.notAFailure("olena", 3, T0, T0);
        LoginFailures after = logins.failures("olena").orElseThrow();
        assertEquals(2, after.failures());
        assertNull(after.lockedUntil(), "the lock came from the count taken back");
        fail("olena", T0);
        fail("olena", T0);
        logins.notAFailure("olena", 3, T0, T0);
        assertTrue(logins.failures("olena").orElseThrow().lockedAt(T0), "four counted, one taken back: still three");
    }

    /** A count taken back takes its time back too: failures are forgotten a window after the last real one. */
    @Test
    void aCountTakenBackGivesBackTheTimeOfTheFailureBefore() {
        fail("olena", T0);
        Instant later = T0.plus(WINDOW.minusSeconds(60));
        fail("olena", later);
        logins.notAFailure("olena", 3, later, T0);
        assertEquals(T0, logins.failures("olena").orElseThrow().lastFailedAt());
        fail("ivan", T0.plus(WINDOW).plusSeconds(1)); // the purge on the way forgets olena's: a window since T0
        assertTrue(logins.failures("olena").isEmpty(), "forgotten a window after her one wrong password");
    }

    @Test
    void aCountTakenBackOrAnOperatorForgetsTheFailures() {
        fail("olena", T0);
        fail("ivan", T0);
        fail("ivan", T0);
        fail("ivan", T0);
        logins.notAFailure("olena", 3, T0, T0);
        assertTrue(logins.failures("olena").isEmpty(), "its one count taken back: nothing left");
        assertEquals(List.of("ivan"), logins.recent(10).stream().map(LoginFailures::account).toList());
        java.util.function.Function<LoginFailures, AuditEntry> audit = cleared -> new AuditEntry(T0.plusSeconds(60),
                "staff:operator", "unlock-staff-account", null, cleared.account() + ": " + cleared.failures());
        assertEquals(3, logins.unlock("ivan", audit).orElseThrow().failures(), "what was cleared");
        assertTrue(logins.unlock("ivan", audit).isEmpty(), "nothing left to unlock");
        assertTrue(logins.recent(10).isEmpty());
        assertEquals(List.of("staff:operator unlock-staff-account ivan: 3"), auditTrail(), "one entry: the unlock that cleared");
        assertTrue(new JdbcApplicationStore(database).verifyAudit().intact(), "in the chain");
    }

    @Test
    void rowsWhoseFailuresAndLockAreOverAreRemovedByTheNextFailure() {
        fail("spray-1", T0);
        fail("spray-2", T0);
        for (int i = 0; i < 3; i++) {
            logins.failed("locked", T0, 3, WINDOW, Duration.ofHours(1)); // locked for longer than the window
        }
        fail("over", T0);
        fail("over", T0);
        fail("over", T0); // locked until T0 + 15 min: over by the next failure below
        fail("someone", T0.plus(WINDOW).plusSeconds(1));
        assertEquals(List.of("someone", "locked"), logins.recent(10).stream().map(LoginFailures::account).toList(),
                "names tried once long ago do not pile up; a lock still running stays");
    }

    @Test
    void nodesCountingTheSameAccountAtOnceLoseNoFailure() throws Exception {
        int threads = 4;
        int each = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                JdbcStaffLoginStore node = new JdbcStaffLoginStore(database); // a node of its own on the same database
                done.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        node.failed("olena", T0, 1000, WINDOW, LOCK);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * each, logins.failures("olena").orElseThrow().failures());
    }

    private List<String> auditTrail() {
        try (java.sql.Connection c = database.jdbc().dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT actor, action, detail FROM audit_log ORDER BY seq"
                     + Jdbc.FIRST_ROWS)) {
            return Jdbc.rows(ps, 1, 100, rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
