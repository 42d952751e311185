package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.AlreadyDoneException;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.StaffDirectory;
import ua.igov.platform.store.StaffName;
import ua.igov.platform.store.StoreException;

/** Staff display names in {@code staff_name}, one row per named account. */
@Component(service = StaffDirectory.class)
public class JdbcStaffDirectory implements StaffDirectory {

    private static final String COLUMNS = "account, display_name, named_at, named_by";
    /** Logins asked about in one statement; more (a long audit trail) are read in parts of this size. */
    static final int PART = 100;

    private final Jdbc jdbc;
    private final SqlDialect dialect;

    @Activate
    public JdbcStaffDirectory(@Reference Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    @Override
    public Map<String, String> displayNames(Collection<String> accounts) {
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(accounts));
        wanted.remove(null);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return jdbc.read("read the display names of " + wanted.size() + " staff accounts", c -> {
            Map<String, String> names = new HashMap<>();
            for (int from = 0; from < wanted.size(); from += PART) {
                List<String> part = wanted.subList(from, Math.min(from + PART, wanted.size()));
                String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT account, display_name FROM staff_name WHERE account IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            names.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
            }
            return Map.copyOf(names);
        });
    }

    @Override
    public List<StaffName> names(int limit) {
        return jdbc.read("list staff display names", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_name ORDER BY account"
                    + Jdbc.FIRST_ROWS)) {
                return Jdbc.rows(ps, 1, limit, JdbcStaffDirectory::name);
            }
        });
    }

    @Override
    public Optional<StaffName> rename(StaffName name, Function<Optional<StaffName>, AuditEntry> audit) {
        try {
            return jdbc.inTransaction("name staff account " + name.account(), c -> rename(c, name, audit));
        } catch (StoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
                throw e;
            }
            // another operator named the same account at the same moment: its row is there now, so this replaces it
            return jdbc.inTransaction("name staff account " + name.account(), c -> rename(c, name, audit));
        }
    }

    private Optional<StaffName> rename(Connection c, StaffName name, Function<Optional<StaffName>, AuditEntry> audit)
            throws SQLException {
        Optional<StaffName> previous = lockAndFind(c, name.account());
        if (previous.isPresent() && previous.get().displayName().equals(name.displayName())) {
            throw new AlreadyDoneException("'" + name.account() + "' is already shown as '" + name.displayName() + "'");
        }
        String sql = previous.isPresent()
                ? "UPDATE staff_name SET display_name = ?, named_at = ?, named_by = ? WHERE account = ?"
                : "INSERT INTO staff_name (display_name, named_at, named_by, account) VALUES (?, ?, ?, ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name.displayName());
            ps.setTimestamp(2, Jdbc.timestamp(name.namedAt()), Jdbc.UTC.get());
            ps.setString(3, name.namedBy());
            ps.setString(4, name.account());
            ps.executeUpdate();
        }
        AuditChain.append(c, dialect, audit.apply(previous));
        return previous;
    }

    @Override
    public Optional<StaffName> unname(String account, Function<StaffName, AuditEntry> audit) {
        return jdbc.inTransaction("take the display name of " + account, c -> {
            Optional<StaffName> previous = lockAndFind(c, account);
            if (previous.isEmpty()) {
                return previous;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM staff_name WHERE account = ?")) {
                ps.setString(1, account);
                ps.executeUpdate();
            }
            AuditChain.append(c, dialect, audit.apply(previous.get()));
            return previous;
        });
    }

    /**
     * The account's name as it is now, with its row locked until the transaction ends: two operators changing the
     * same name at once take turns, so each change is made to, and audited against, the name the other left (a
     * rename racing a removal is neither lost nor recorded as replacing a name that was gone).
     */
    private static Optional<StaffName> lockAndFind(Connection c, String account) throws SQLException {
        while (true) {
            boolean locked;
            try (PreparedStatement ps = c.prepareStatement("UPDATE staff_name SET account = account WHERE account = ?")) {
                ps.setString(1, account);
                locked = ps.executeUpdate() == 1;
            }
            Optional<StaffName> found = find(c, account);
            // A row another transaction was inserting can be missed by the UPDATE (which waited for it) and seen by
            // the read after it: then it is not locked yet, so lock it now. No row at all is safe: the key guards it.
            if (locked || found.isEmpty()) {
                return found;
            }
        }
    }

    private static Optional<StaffName> find(Connection c, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM staff_name WHERE account = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(name(rs)) : Optional.empty();
            }
        }
    }

    private static StaffName name(ResultSet rs) throws SQLException {
        return new StaffName(rs.getString(1), rs.getString(2), Jdbc.instant(rs.getTimestamp(3, Jdbc.UTC.get())),
                rs.getString(4));
    }
}
