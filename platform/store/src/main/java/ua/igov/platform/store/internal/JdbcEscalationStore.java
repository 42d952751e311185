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
import java.util.Locale;
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

    /*
     * Paging. Each query reads one status's applications in the order of an index that ends in the id, (status,
     * due_at, id) or (status, submitted_at, id), and a page starts right after the previous page's last row: the
     * database walks the index from there and stops after one page. Paging by id alone made it find every match and
     * sort them all for each page, so a backlog of n overdue applications cost n * n / batchSize rows a run.
     * Deadlines end at midnight, so thousands of applications can share a due date: a later page is read as the rest
     * of the last row's moment (same time, higher id: the index is entered at that exact row) and then what comes
     * after that moment, because Derby cannot compare (time, id) pairs and an OR of the two would make it walk the
     * whole moment's rows again for every page. The index is named to Derby, which otherwise may walk the whole table
     * in id order; other databases read the hint as a comment.
     */

    static final String DUE_BY = "SELECT " + COLUMNS + " FROM application a "
            + "--DERBY-PROPERTIES index=ix_application_due_page\n"
            + "WHERE a.status = ? AND a.due_at <= ? %s ORDER BY a.due_at, a.id FETCH FIRST ? ROWS ONLY";
    static final String DUE_BETWEEN = "SELECT " + COLUMNS + " FROM application a "
            + "--DERBY-PROPERTIES index=ix_application_due_page\n"
            + "WHERE a.status = ? AND a.due_at <= ? AND a.service_code IN (%s) %s "
            + "ORDER BY a.due_at, a.id FETCH FIRST ? ROWS ONLY";
    static final String UNCLAIMED = "SELECT " + COLUMNS + " FROM application a "
            + "--DERBY-PROPERTIES index=ix_application_submitted_page\n"
            + "WHERE a.status = 'submitted' AND a.submitted_at <= ? %s ORDER BY a.submitted_at, a.id FETCH FIRST ? ROWS ONLY";

    /** Binds a query's own parameters; returns the index of the next one. */
    @FunctionalInterface
    private interface Parameters {
        int bind(PreparedStatement ps) throws SQLException;
    }

    @Override
    public List<EscalationCandidate> dueBy(String status, Instant dueBy, EscalationCandidate after, int limit) {
        return page("find applications near their deadline", DUE_BY, "due_at", ps -> {
            ps.setString(1, status);
            ps.setTimestamp(2, Jdbc.timestamp(dueBy), Jdbc.UTC.get());
            return 3;
        }, null, after == null ? null : after.dueAt(), after, limit);
    }

    @Override
    public List<EscalationCandidate> dueBetween(String status, Set<String> serviceCodes, Instant after, Instant until,
                                                EscalationCandidate afterApplication, int limit) {
        if (serviceCodes.isEmpty()) {
            return List.of();
        }
        String template = String.format(Locale.ROOT, DUE_BETWEEN,
                String.join(", ", Collections.nCopies(serviceCodes.size(), "?")), "%s");
        return page("find applications a deadline is near for", template, "due_at", ps -> {
            int i = 1;
            ps.setString(i++, status);
            ps.setTimestamp(i++, Jdbc.timestamp(until), Jdbc.UTC.get());
            for (String code : serviceCodes) {
                ps.setString(i++, code);
            }
            return i;
        }, after, afterApplication == null ? null : afterApplication.dueAt(), afterApplication, limit);
    }

    @Override
    public List<EscalationCandidate> unclaimedSince(Instant submittedBy, EscalationCandidate after, int limit) {
        return page("find unclaimed applications", UNCLAIMED, "submitted_at", ps -> {
            ps.setTimestamp(1, Jdbc.timestamp(submittedBy), Jdbc.UTC.get());
            return 2;
        }, null, after == null ? null : after.submittedAt(), after, limit);
    }

    /**
     * One page of a query in ({@code column}, id) order: the first (above {@code lowerBound}, if any), or the one
     * after {@code last}, whose {@code column} is {@code lastAt}.
     */
    private List<EscalationCandidate> page(String what, String template, String column, Parameters own,
                                           Instant lowerBound, Instant lastAt, EscalationCandidate last, int limit) {
        return jdbc.read(what, c -> {
            if (last == null) {
                return lowerBound == null ? query(c, template, "", own, List.of(), limit)
                        : query(c, template, "AND a." + column + " > ?", own, List.of(lowerBound), limit);
            }
            List<EscalationCandidate> page = new ArrayList<>(query(c, template,
                    "AND a." + column + " = ? AND a.id > ?", own, List.of(lastAt, last.id()), limit));
            if (page.size() < limit) {
                page.addAll(query(c, template, "AND a." + column + " > ?", own, List.of(lastAt), limit - page.size()));
            }
            return page;
        });
    }

    private static List<EscalationCandidate> query(Connection c, String template, String where, Parameters own,
                                                   List<Object> whereValues, int limit) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(String.format(Locale.ROOT, template, where))) {
            int i = own.bind(ps);
            for (Object value : whereValues) {
                if (value instanceof Instant at) {
                    ps.setTimestamp(i++, Jdbc.timestamp(at), Jdbc.UTC.get());
                } else {
                    ps.setLong(i++, (Long) value);
                }
            }
            ps.setInt(i, limit);
            return candidates(ps);
        }
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
