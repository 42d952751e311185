package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.LoginFailures;
import ua.igov.platform.store.StaffLoginStore;
import ua.igov.platform.store.StoreException;

/** Wrong staff passwords in {@code staff_login_failure}, one row per account while its failures are recent. */
@Component(service = StaffLoginStore.class)
public class JdbcStaffLoginStore implements StaffLoginStore {

    private static final String COLUMNS = "account, failures, first_failed_at, last_failed_at, locked_until";

    private final Jdbc jdbc;
    private final SqlDialect dialect;

    @Activate
    public JdbcStaffLoginStore(@Reference Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    @Override
    public Optional<LoginFailures> failures(String account) {
        return jdbc.read("read the failed logins of " + account, c -> find(c, account));
    }

    @Override
    public LoginFailures failed(String account, Instant now, int maxFailures, Duration window, Duration lock) {
        try {
            return jdbc.inTransaction("count a wrong password for " + account,
                    c -> count(c, account, now, maxFailures, window, lock));
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e;
            }
            // another node counted this account's first failure at the same moment: its row is there now
            return jdbc.inTransaction("count a wrong password for " + account,
                    c -> count(c, account, now, maxFailures, window, lock));
        }
    }

    private static LoginFailures count(Connection c, String account, Instant now, int maxFailures, Duration window,
                                       Duration lock) throws SQLException {
        try (PreparedStatement purge = c.prepareStatement("DELETE FROM staff_login_failure WHERE last_failed_at <= ? "
                + "AND (locked_until IS NULL OR locked_until <= ?)")) {
            purge.setTimestamp(1, Jdbc.timestamp(now.minus(window)), Jdbc.UTC.get());
            purge.setTimestamp(2, Jdbc.timestamp(now), Jdbc.UTC.get());
            purge.executeUpdate();
        }
        // The purge above forgets an account's failures after a whole window without one; until then each failure
        // adds to the count. (Restarting the count once its first failure was a window old let a burst straddling
        // that moment check twice the limit within seconds.)
        int updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE staff_login_failure SET failures = failures + 1, "
                + "last_failed_at = ? WHERE account = ?")) {
            ps.setTimestamp(1, Jdbc.timestamp(now), Jdbc.UTC.get());
            ps.setString(2, account);
            updated = ps.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO staff_login_failure (account, failures, "
                    + "first_failed_at, last_failed_at) VALUES (?, 1, ?, ?)")) {
                ps.setString(1, account);
                ps.setTimestamp(2, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setTimestamp(3, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.executeUpdate();
            }
        }
        LoginFailures failures = find(c, account).orElseThrow();
        if (failures.failures() >= maxFailures && !failures.lockedAt(now)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_login_failure SET locked_until = ? WHERE account = ?")) {
                ps.setTimestamp(1, Jdbc.timestamp(now.plus(lock)), Jdbc.UTC.get());
                ps.setString(2, account);
                ps.executeUpdate();
            }
            failures = find(c, account).orElseThrow();
        }
        return failures;
    }

    @Override
    public void notAFailure(String account, int maxFailures, Instant countedAt, Instant lastFailedBefore) {
        jdbc.inTransaction("take back a failed login of " + account, c -> {
            // Every expression reads the row as it was before this UPDATE. The time goes back only if no other
            // failure came since (one that did set a later time, and is a failure); without a time before, the row
            // goes below, unless other failures came meanwhile.
            String time = lastFailedBefore == null ? ""
                    : ", last_failed_at = CASE WHEN last_failed_at = ? THEN ? ELSE last_failed_at END";
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_login_failure SET failures = failures - 1, "
                    + "locked_until = CASE WHEN failures - 1 < ? THEN NULL ELSE locked_until END" + time
                    + " WHERE account = ? AND failures > 0")) {
                int i = 1;
                ps.setInt(i++, maxFailures);
                if (lastFailedBefore != null) {
                    ps.setTimestamp(i++, Jdbc.timestamp(countedAt), Jdbc.UTC.get());
                    ps.setTimestamp(i++, Jdbc.timestamp(lastFailedBefore), Jdbc.UTC.get());
                }
                ps.setString(i, account);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_login_failure WHERE account = ? "
                    + "AND failures <= 0 AND locked_until IS NULL")) {
                ps.setString(1, account);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<LoginFailures> unlock(String account, java.util.function.Function<LoginFailures, AuditEntry> audit) {
        return jdbc.inTransaction("unlock " + account, c -> {
            Optional<LoginFailures> cleared = find(c, account);
            if (cleared.isPresent() && delete(c, account)) {
                AuditChain.append(c, dialect, audit.apply(cleared.get()));
                return cleared;
            }
            return Optional.empty();
        });
    }

    private static boolean delete(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_login_failure WHERE account = ?")) {
            ps.setString(1, account);
            return ps.executeUpdate() > 0;
        }
    }

    @Override
    public List<LoginFailures> recent(int limit) {
        return jdbc.read("list failed staff logins", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_login_failure "
                    + "ORDER BY last_failed_at DESC, account" + Jdbc.FIRST_ROWS)) {
                return Jdbc.rows(ps, 1, limit, JdbcStaffLoginStore::failures);
            }
        });
    }

    private static Optional<LoginFailures> find(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_login_failure WHERE account = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(failures(rs)) : Optional.empty();
            }
        }
    }

    private static LoginFailures failures(ResultSet rs) throws SQLException {
        return new LoginFailures(rs.getString(1), rs.getInt(2), Jdbc.instant(rs.getTimestamp(3, Jdbc.UTC.get())),
                Jdbc.instant(rs.getTimestamp(4, Jdbc.UTC.get())), Jdbc.instant(rs.getTimestamp(5, Jdbc.UTC.get())));
    }
}
