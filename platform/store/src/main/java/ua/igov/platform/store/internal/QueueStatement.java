package ua.igov.platform.store.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ua.igov.platform.store.ListPosition;
import ua.igov.platform.store.QueueQuery;

/**
 * The one statement that reads a page of officials' queue, most urgent deadline first.
 *
 * <p>Why it is built in parts: sorted as one set, the applications of several statuses (or authorities) cannot be
 * read in deadline order from any index, so the database found every open application of the authority and sorted
 * them all for each page (about 160 ms a page on PostgreSQL with 27 000 open). Here each (authority, status) part is
 * read in the order of {@code ix_application_queue_page} (authority, status, deadline, id) and stops after one page;
 * the parts' ids and deadlines, at most a page from each, are merged and cut to one page, and only that page's rows
 * are read in full, by id. It is still one statement, so one consistent read: an application claimed meanwhile
 * is neither skipped nor shown twice by having been read in two parts at different moments.
 *
 * <p>A later page is read, in each part, as the rest of the last row's deadline (same deadline, higher id), then
 * the later deadlines, then the applications without one, which sort last: Derby cannot compare (time, id) pairs,
 * and an {@code OR} of the three would make it walk the part from its start for every page. An official of many
 * authorities asking for many statuses would make hundreds of parts, so past {@link #MAX_PARTS} the page is read the
 * old way, as one sorted set.
 */
final class QueueStatement {

    /** The most (authority, status) parts read separately; more are read as one sorted set. */
    static final int MAX_PARTS = 12;

    private static final String PART_INDEX = "--DERBY-PROPERTIES index=ix_application_queue_page\n";

    private final String sql;
    private final List<Object> parameters = new ArrayList<>();

    private QueueStatement(String sql, List<Object> parameters) {
        this.sql = sql;
        this.parameters.addAll(parameters);
    }

    /** The statement for {@code query}, whose authorities and statuses are not empty; {@code columns} of {@code a}. */
    static QueueStatement of(QueueQuery query, String columns) {
        int parts = query.authorityIds().size() * query.statuses().size();
        return parts > MAX_PARTS ? asOneSet(query, columns) : inParts(query, columns);
    }

    String sql() {
        return sql;
    }

    /** Its parameters in order: Integer, String, Long or Instant. */
    List<Object> parameters() {
        return List.copyOf(parameters);
    }

    void bind(PreparedStatement ps) throws SQLException {
        int i = 1;
        for (Object p : parameters) {
            if (p instanceof Instant at) {
                ps.setTimestamp(i++, Jdbc.timestamp(at), Jdbc.UTC.get());
            } else if (p instanceof Integer n) {
                ps.setInt(i++, n);
            } else if (p instanceof Long n) {
                ps.setLong(i++, n);
            } else {
                ps.setString(i++, (String) p);
            }
        }
    }

    private static QueueStatement inParts(QueueQuery query, String columns) {
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        for (Integer authority : query.authorityIds().stream().sorted().toList()) {
            for (String status : query.statuses().stream().sorted().toList()) {
                for (Range range : ranges(query.after())) {
                    parts.add("SELECT p.id, p.due_at FROM (SELECT a.id, a.due_at FROM application a " + PART_INDEX
                            + "WHERE a.authority_id = ? AND a.status = ? " + escalated(query) + range.condition()
                            + " ORDER BY a.due_at, a.id" + Jdbc.FIRST_ROWS + ") p");
                    parameters.add(authority);
                    parameters.add(status);
                    parameters.addAll(range.parameters());
                    parameters.add(query.limit());
                }
            }
        }
        parameters.add(query.limit());
        // The page's ids come first and its rows are looked up by them (Derby is told that order; PostgreSQL finds
        // it), so only the page's rows are read in full, not every part's.
        String sql = "SELECT " + columns + " FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
                + "(SELECT q.id FROM (" + String.join(" UNION ALL ", parts) + ") q ORDER BY q.due_at, q.id"
                + Jdbc.FIRST_ROWS + ") page, application a --DERBY-PROPERTIES constraint=pk_application\n"
                + "WHERE a.id = page.id ORDER BY a.due_at, a.id";
        return new QueueStatement(sql, parameters);
    }

    private static QueueStatement asOneSet(QueueQuery query, String columns) {
        ListPosition after = query.after();
        List<Object> parameters = new ArrayList<>(query.authorityIds());
        parameters.addAll(query.statuses());
        // Derby and PostgreSQL both sort a missing deadline after every deadline in ascending order, and the page
        // boundary below follows that order.
        String sql = "SELECT " + columns + " FROM application a WHERE a.authority_id IN ("
                + placeholders(query.authorityIds().size()) + ") AND a.status IN ("
                + placeholders(query.statuses().size()) + ") " + escalated(query)
                + (after == null ? ""
                    : after.at() == null ? "AND a.due_at IS NULL AND a.id > ? "
                    : "AND (a.due_at > ? OR (a.due_at = ? AND a.id > ?) OR a.due_at IS NULL) ")
                + "ORDER BY a.due_at, a.id" + Jdbc.FIRST_ROWS;
        if (after != null) {
            if (after.at() != null) {
                parameters.add(after.at());
                parameters.add(after.at());
            }
            parameters.add(after.id());
        }
        parameters.add(query.limit());
        return new QueueStatement(sql, parameters);
    }

    private static String escalated(QueueQuery query) {
        return query.escalated() == null ? ""
                : query.escalated() ? "AND a.escalated_at IS NOT NULL " : "AND a.escalated_at IS NULL ";
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /** Where in a part the page starts. */
    private record Range(String condition, List<Object> parameters) {
    }

    private static List<Range> ranges(ListPosition after) {
        if (after == null) {
            return List.of(new Range("", List.of()));
        }
        if (after.at() == null) {
            return List.of(new Range("AND a.due_at IS NULL AND a.id > ?", List.of(after.id())));
        }
        return List.of(new Range("AND a.due_at = ? AND a.id > ?", List.of(after.at(), after.id())),
                new Range("AND a.due_at > ?", List.of(after.at())),
                new Range("AND a.due_at IS NULL", List.of()));
    }
}
