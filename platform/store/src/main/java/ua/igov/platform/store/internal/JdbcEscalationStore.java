package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.Escalation;
import ua.igov.platform.store.EscalationCandidate;
import ua.igov.platform.store.EscalationStore;
import ua.igov.platform.store.OutboxMessage;

/**
 * Escalations on any supported database. Once per cluster rests on the database alone: the unique key
 * (application, rule, step) of the {@code escalation} table makes a second node's insert fail once the first node's
 * short transaction commits; that node then rolls back to the savepoint it took before that application, having
 * written nothing for it, and moves on with the rest of its group.
 */
@Component(service = EscalationStore.class)
public class JdbcEscalationStore implements EscalationStore {

    /** SQLSTATE of a unique-key violation, the same on Derby and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "a.id, a.tracking_number, a.service_code, a.form_version, a.region_id, a.authority_id, "
            + "a.status, a.step_no, a.submitted_at, a.due_at";

    private final Jdbc jdbc;
    private final SqlDialect dialect;

    @Activate
    public JdbcEscalationStore(@Reference Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    @Override
    public List<EscalationCandidate> dueBy(Set<String> statuses, Instant dueBy, long afterId, int limit) {
        if (statuses.isEmpty()) {
            return List.of();
        }
        return jdbc.read("find applications near their deadline", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM application a WHERE a.status IN ("
                    + String.join(", ", Collections.nCopies(statuses.size(), "?")) + ") AND a.due_at <= ? AND a.id > ? "
                    + "ORDER BY a.id")) {
                int i = 1;
                for (String status : statuses) {
                    ps.setString(i++, status);
                }
                ps.setTimestamp(i++, Jdbc.timestamp(dueBy), Jdbc.UTC.get());
                ps.setLong(i, afterId);
                ps.setMaxRows(limit);
                return candidates(ps);
            }
        });
    }

    @Override
    public List<EscalationCandidate> dueBetween(String status, Set<String> serviceCodes, Instant after, Instant until,
                                                long afterId, int limit) {
        if (serviceCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.read("find applications a deadline is near for", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM application a WHERE a.status = ? "
                    + "AND a.due_at > ? AND a.due_at <= ? AND a.service_code IN ("
                    + String.join(", ", Collections.nCopies(serviceCodes.size(), "?")) + ") AND a.id > ? ORDER BY a.id")) {
                int i = 1;
                ps.setString(i++, status);
                ps.setTimestamp(i++, Jdbc.timestamp(after), Jdbc.UTC.get());
                ps.setTimestamp(i++, Jdbc.timestamp(until), Jdbc.UTC.get());
                for (String code : serviceCodes) {
                    ps.setString(i++, code);
                }
                ps.setLong(i, afterId);
                ps.setMaxRows(limit);
                return candidates(ps);
            }
        });
    }

    /**
     * Unclaimed applications submitted by a moment, by id. Derby, not knowing how many the open-ended
     * {@code submitted_at <= ?} selects, reads the whole table in id order to skip the sort, although nearly all
     * applications are claimed or closed: measured, every row visited for none found. The hint (a comment to any
     * other database) makes it read only the unclaimed ones, through {@code (status, submitted_at)}; it then sorts
     * what it found, which is few unless there is a backlog.
     */
    static final String UNCLAIMED = "SELECT " + COLUMNS + " FROM application a "
            + "--DERBY-PROPERTIES index=ix_application_status_submitted\n"
            + "WHERE a.status = 'submitted' AND a.submitted_at <= ? AND a.id > ? ORDER BY a.id";

    @Override
    public List<EscalationCandidate> unclaimedSince(Instant submittedBy, long afterId, int limit) {
        return jdbc.read("find unclaimed applications", c -> {
            try (PreparedStatement ps = c.prepareStatement(UNCLAIMED)) {
                ps.setTimestamp(1, Jdbc.timestamp(submittedBy), Jdbc.UTC.get());
                ps.setLong(2, afterId);
                ps.setMaxRows(limit);
                return candidates(ps);
            }
        });
    }

    private static List<EscalationCandidate> candidates(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<EscalationCandidate> list = new ArrayList<>();
            while (rs.next()) {
                list.add(new EscalationCandidate(rs.getLong("id"), rs.getString("tracking_number"),
                        rs.getString("service_code"), rs.getString("form_version"), rs.getString("region_id"), Jdbc.nullableInt(rs, "authority_id"),
                        rs.getString("status"), rs.getInt("step_no"),
                        Jdbc.instant(rs.getTimestamp("submitted_at", Jdbc.UTC.get())),
                        Jdbc.instant(rs.getTimestamp("due_at", Jdbc.UTC.get()))));
            }
            return list;
        }
    }

    @Override
    public Map<Long, Set<String>> fired(Collection<EscalationCandidate> applications) {
        if (applications.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> steps = new HashMap<>();
        applications.forEach(a -> steps.put(a.id(), a.step()));
        return jdbc.read("read fired escalations", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT application_id, rule_id, step_no FROM escalation "
                    + "WHERE application_id IN (" + String.join(", ", Collections.nCopies(steps.size(), "?")) + ")")) {
                int i = 1;
                for (Long id : steps.keySet()) {
                    ps.setLong(i++, id);
                }
                Map<Long, Set<String>> fired = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (steps.get(id) == rs.getInt(3)) {
                            fired.computeIfAbsent(id, k -> new HashSet<>()).add(rs.getString(2));
                        }
                    }
                }
                return fired;
            }
        });
    }

    @Override
    public boolean escalate(Escalation e) {
        return !escalateAll(List.of(e), recorded -> List.of()).isEmpty();
    }

    @Override
    public List<Escalation> escalateAll(List<Escalation> group, Function<List<Escalation>, List<OutboxMessage>> about) {
        if (group.isEmpty()) {
            return List.of();
        }
        List<Escalation> inIdOrder = group.stream()
                .sorted(Comparator.comparingLong((Escalation e) -> e.application().id())).toList();
        return jdbc.inTransaction("escalate " + group.size() + " applications", c -> {
            List<Escalation> recorded = new ArrayList<>();
            // Rows in id order, as every group does: two groups meeting on the same rows queue, never deadlock.
            for (Escalation e : inIdOrder) {
                // The application's row first, then the escalation's key, as every step locks the row first too:
                // the same order everywhere, so no deadlock between an official, this node and another.
                // A savepoint per application, because PostgreSQL refuses everything after a failed statement
                // until the transaction rolls back: another node's escalation of one must not undo the group's.
                Savepoint before = c.setSavepoint();
                if (stillInStep(c, e) && claimOnce(c, e)) {
                    JdbcApplicationStore.appendEvent(c, e.application().id(), e.event());
                    recorded.add(e);
                    c.releaseSavepoint(before);
                } else {
                    c.rollback(before);
                }
            }
            if (!recorded.isEmpty()) {
                // The audit chains' heads last and in chain order, as in every transaction that moves several.
                AuditChain.appendAll(c, dialect, recorded.stream().map(Escalation::audit).toList());
                List<OutboxMessage> messages = new ArrayList<>();
                recorded.forEach(e -> messages.addAll(e.messages()));
                messages.addAll(about.apply(List.copyOf(recorded)));
                JdbcOutboxStore.insertAll(c, messages, recorded.get(0).event().at());
            }
            return List.copyOf(recorded);
        });
    }

    /** Fails (and the transaction writes nothing) if any node recorded this escalation before. */
    private static boolean claimOnce(Connection c, Escalation e) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO escalation (application_id, rule_id, step_no, "
                + "status, trigger_name, actions, fired_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, e.application().id());
            ps.setString(2, e.ruleKey());
            ps.setInt(3, e.application().step());
            ps.setString(4, e.application().status());
            ps.setString(5, e.trigger());
            ps.setString(6, e.actions());
            ps.setTimestamp(7, Jdbc.timestamp(e.event().at()), Jdbc.UTC.get());
            ps.executeUpdate();
            return true;
        } catch (SQLException duplicate) {
            if (UNIQUE_VIOLATION.equals(duplicate.getSQLState())) {
                return false;
            }
            throw duplicate;
        }
    }

    /**
     * Locks the application's row for the rest of this short transaction, so an official's step cannot slip in
     * between: an escalation is recorded only for the step it was decided on.
     */
    private static boolean stillInStep(Connection c, Escalation e) throws SQLException {
        String set = e.mark() ? "escalated_at = COALESCE(escalated_at, ?)" : "step_no = step_no";
        try (PreparedStatement ps = c.prepareStatement("UPDATE application SET " + set
                + " WHERE id = ? AND step_no = ? AND status = ?")) {
            int i = 1;
            if (e.mark()) {
                ps.setTimestamp(i++, Jdbc.timestamp(e.event().at()), Jdbc.UTC.get());
            }
            ps.setLong(i++, e.application().id());
            ps.setInt(i++, e.application().step());
            ps.setString(i, e.application().status());
            return ps.executeUpdate() == 1;
        }
    }
}
