package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatsCell;

/**
 * Keeps {@code stats_cell} equal to a count of the applications as they are now: each application adds one to one
 * row per dimension (its submission day in Kyiv, its authority, the dimension's value), in the column of its status
 * and, once decided, in its processing-time bucket. Every write happens inside the caller's transaction, so the
 * rollup commits or rolls back with the state change it reflects, whichever node made it.
 */
final class StatsRollup {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    /**
     * The statuses whose deadline is the authority's (in {@code needs_information} it is the citizen's): the SPI's
     * {@code EscalationRule.STAFF_STATUSES}, by wire name, since the store does not see the SPI.
     */
    static final java.util.Set<String> AUTHORITY_ACTS = java.util.Set.of("submitted", "in_review", "approved");
    static final List<String> COLUMNS = columns();

    private StatsRollup() {
    }

    private static List<String> columns() {
        List<String> columns = new ArrayList<>(StatsCell.STATUSES);
        columns.addAll(List.of("timed", "on_time", "rating_count", "rating_sum"));
        IntStream.range(0, StatsCell.BUCKET_UPPER_HOURS.size()).mapToObj(StatsRollup::bucketColumn).forEach(columns::add);
        return List.copyOf(columns);
    }

    static String bucketColumn(int bucket) {
        return String.format("h%02d", bucket);
    }

    /**
     * What the statistics know of an application in one state.
     *
     * @param decidedAt when it was issued or rejected, {@code null} before
     * @param onTime    once decided, whether every step its authority took (claiming, deciding, issuing) came by the
     *                  deadline then in force ({@code null} if the deciding step had no deadline and none was late);
     *                  before that, {@code false} once one of them came late (an approval a week late stays late
     *                  when the document is then issued in time), {@code null} otherwise
     */
    record Facts(long id, Instant submittedAt, Integer authorityId, String regionId, Integer placeId,
                 String serviceCode, String official, String status, Instant dueAt, Instant decidedAt,
                 Boolean onTime) {

        String value(String dimension) {
            switch (dimension) {
                case "region": return regionId == null ? "" : regionId;
                case "place": return placeId == null ? "" : placeId.toString();
                case "authority": return authorityId == null ? "" : authorityId.toString();
                case "service": return serviceCode;
                case "official": return official == null ? "" : official;
                default: throw new IllegalArgumentException(dimension);
            }
        }

        boolean decided() {
            return StatsCell.DECIDED.contains(status);
        }

        /** The same application after a workflow step. */
        Facts after(StateChange change) {
            boolean decides = StatsCell.DECIDED.contains(change.status()) && !decided();
            Instant at = change.event().at();
            // a step out of a status where the authority acts, after that status's deadline
            boolean authorityStep = !change.status().equals(status) && AUTHORITY_ACTS.contains(status);
            boolean late = authorityStep && dueAt != null && at.isAfter(dueAt);
            boolean timed = authorityStep && dueAt != null;
            Boolean nowOnTime;
            if (Boolean.FALSE.equals(onTime) || late) {
                nowOnTime = false;
            } else if (decides) {
                nowOnTime = timed ? Boolean.TRUE : null;
            } else {
                nowOnTime = onTime;
            }
            return new Facts(id, submittedAt, authorityId, regionId, placeId, serviceCode, change.assignedTo(),
                    change.status(), change.dueAt(), decides ? at : decidedAt, nowOnTime);
        }
    }

    /**
     * One row of the rollup. A day row ({@code D}) and a month row ({@code M}, dated the 1st) hold the same counts,
     * so a year is read from twelve month rows per value instead of 365 day rows.
     */
    private record Key(String dimension, char grain, LocalDate day, int authorityId, String value, int shard) {
    }

    /**
     * Each count is spread over this many rows (by application id), summed when read: every submission to a busy
     * authority on one day would otherwise update the same rows and queue on their locks until it commits, which made
     * the rollup the one row all submissions waited for (docs/performance.md).
     */
    static final int SHARDS = 8;

    /**
     * Applications with neighbouring ids share a shard, in runs of this many: submissions written together in one
     * transaction (GroupCommit) have neighbouring ids, so their counts fold into one row per key instead of one per
     * application, while applications written apart still spread over the shards.
     */
    static final int SHARD_RUN = 16;

    private static int shard(Facts app) {
        return (int) Math.floorMod(app.id() / SHARD_RUN, (long) SHARDS);
    }

    static final char DAY = 'D';
    static final char MONTH = 'M';

    /** Reads what the statistics need of an application, with its id and deadline. */
    static Optional<Facts> read(Connection c, String trackingNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, submitted_at, updated_at, authority_id, region_id, "
                + "place_id, service_code, assigned_to, status, due_at, decided_on_time FROM application "
                + "WHERE tracking_number = ?")) {
            ps.setString(1, trackingNumber);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(facts(rs)) : Optional.empty();
            }
        }
    }

    private static Facts facts(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        int onTime = rs.getInt("decided_on_time");
        Boolean decidedOnTime = rs.wasNull() ? null : onTime == 1;
        return new Facts(rs.getLong("id"), Jdbc.instant(rs.getTimestamp("submitted_at", Jdbc.UTC.get())),
                Jdbc.nullableInt(rs, "authority_id"), rs.getString("region_id"), Jdbc.nullableInt(rs, "place_id"),
                rs.getString("service_code"), rs.getString("assigned_to"), status,
                Jdbc.instant(rs.getTimestamp("due_at", Jdbc.UTC.get())),
                StatsCell.DECIDED.contains(status) ? Jdbc.instant(rs.getTimestamp("updated_at", Jdbc.UTC.get())) : null,
                decidedOnTime);
    }

    static void added(Connection c, SqlDialect dialect, Facts application) throws SQLException {
        addedAll(c, dialect, List.of(application));
    }

    /** Counts applications written in one transaction: their rows are summed first, each row updated once. */
    static void addedAll(Connection c, SqlDialect dialect, List<Facts> applications) throws SQLException {
        Map<Key, Map<String, Long>> deltas = new LinkedHashMap<>();
        for (Facts application : applications) {
            deltas(application, 1, deltas);
        }
        write(c, dialect, deltas);
    }

    /** Moves an application from the rows of its old state to those of its new one; records a decision's timing. */
    static void changed(Connection c, SqlDialect dialect, Facts before, Facts after) throws SQLException {
        Map<Key, Map<String, Long>> deltas = deltas(before, -1, new LinkedHashMap<>());
        write(c, dialect, deltas(after, 1, deltas));
        boolean decision = after.decided() && !before.decided() && after.onTime() != null;
        boolean lateBeforeItsDecision = !after.decided() && Boolean.FALSE.equals(after.onTime())
                && !Boolean.FALSE.equals(before.onTime());
        if (decision || lateBeforeItsDecision) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE application SET decided_on_time = ? WHERE id = ?")) {
                ps.setInt(1, after.onTime() ? 1 : 0);
                ps.setLong(2, after.id());
                ps.executeUpdate();
            }
        }
    }

    static void rated(Connection c, SqlDialect dialect, Facts application, int rating) throws SQLException {
        Map<Key, Map<String, Long>> deltas = new LinkedHashMap<>();
        for (String dimension : StatsCell.DIMENSIONS) {
            for (Key key : keys(application, dimension)) {
                Map<String, Long> row = deltas.computeIfAbsent(key, k -> new LinkedHashMap<>());
                row.put("rating_count", 1L);
                row.put("rating_sum", (long) rating);
            }
        }
        write(c, dialect, deltas);
    }

    private static List<Key> keys(Facts app, String dimension) {
        LocalDate day = LocalDate.ofInstant(app.submittedAt(), KYIV);
        int authority = app.authorityId() == null ? 0 : app.authorityId();
        return List.of(new Key(dimension, DAY, day, authority, app.value(dimension), shard(app)),
                new Key(dimension, MONTH, day.withDayOfMonth(1), authority, app.value(dimension), shard(app)));
    }

    private static Map<Key, Map<String, Long>> deltas(Facts app, long sign, Map<Key, Map<String, Long>> into) {
        Map<String, Long> columns = columnDeltas(app, sign);
        for (String dimension : StatsCell.DIMENSIONS) {
            for (Key key : keys(app, dimension)) {
                Map<String, Long> row = into.computeIfAbsent(key, k -> new LinkedHashMap<>());
                columns.forEach((column, delta) -> row.merge(column, delta, Long::sum));
            }
        }
        return into;
    }

    /** The columns one application counts in, whatever the dimension. */
    private static Map<String, Long> columnDeltas(Facts app, long sign) {
        Map<String, Long> row = new LinkedHashMap<>();
        row.put(app.status(), sign);
        if (app.decided() && app.decidedAt() != null) {
            long seconds = Duration.between(app.submittedAt(), app.decidedAt()).getSeconds();
            row.put(bucketColumn(StatsCell.bucket(seconds)), sign);
            if (app.onTime() != null) {
                row.put("timed", sign);
                if (app.onTime()) {
                    row.put("on_time", sign);
                }
            }
        }
        return row;
    }

    private static void write(Connection c, SqlDialect dialect, Map<Key, Map<String, Long>> deltas) throws SQLException {
        // Rows in one order in every transaction, so two moving applications in opposite directions cannot deadlock.
        List<Map.Entry<Key, Map<String, Long>>> ordered = new ArrayList<>(deltas.entrySet());
        ordered.sort(Map.Entry.comparingByKey(java.util.Comparator.comparing(Key::dimension).thenComparing(Key::grain)
                .thenComparing(Key::day)
                .thenComparingInt(Key::authorityId).thenComparing(Key::value).thenComparingInt(Key::shard)));
        Map<Key, Map<String, Long>> rows = new LinkedHashMap<>();
        for (Map.Entry<Key, Map<String, Long>> row : ordered) {
            Map<String, Long> changes = row.getValue().entrySet().stream().filter(e -> e.getValue() != 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, LinkedHashMap::new));
            if (!changes.isEmpty()) {
                rows.put(row.getKey(), changes);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == SqlDialect.POSTGRESQL) {
            upsertAll(c, rows);
            return;
        }
        for (Map.Entry<Key, Map<String, Long>> row : rows.entrySet()) {
            upsert(c, row.getKey(), row.getValue());
        }
    }

    /**
     * PostgreSQL: every row in one batch of one statement, so one round trip to the server instead of one per row
     * (ten for a submission). The statement names every column any row changes; a row adds 0 to the others. The
     * batch keeps the rows' order, so locks are still taken in the one order every transaction uses.
     */
    private static void upsertAll(Connection c, Map<Key, Map<String, Long>> rows) throws SQLException {
        List<String> columns = rows.values().stream().flatMap(changes -> changes.keySet().stream()).distinct().toList();
        String sql = "INSERT INTO stats_cell (dimension, grain, stat_day, authority_id, dim_value, shard, "
                + String.join(", ", columns) + ") VALUES (?, ?, ?, ?, ?, ?" + ", ?".repeat(columns.size())
                + ") ON CONFLICT (dimension, grain, stat_day, authority_id, dim_value, shard) DO UPDATE SET "
                + columns.stream().map(col -> col + " = stats_cell." + col + " + EXCLUDED." + col)
                .collect(Collectors.joining(", "));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Key, Map<String, Long>> row : rows.entrySet()) {
                int i = setKey(ps, 1, row.getKey());
                for (String column : columns) {
                    ps.setLong(i++, row.getValue().getOrDefault(column, 0L));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Derby: add to the row, or create it; embedded, so one statement per row costs no round trip. */
    private static void upsert(Connection c, Key key, Map<String, Long> changes) throws SQLException {
        if (update(c, key, changes) == 0) {
            try {
                insert(c, key, changes);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                update(c, key, changes); // another transaction created the row first; Derby undid only our statement
            }
        }
    }

    private static int update(Connection c, Key key, Map<String, Long> changes) throws SQLException {
        String sql = "UPDATE stats_cell SET " + changes.keySet().stream().map(col -> col + " = " + col + " + ?")
                .collect(Collectors.joining(", ")) + " WHERE dimension = ? AND grain = ? AND stat_day = ? AND authority_id = ? AND dim_value = ? AND shard = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (Long delta : changes.values()) {
                ps.setLong(i++, delta);
            }
            setKey(ps, i, key);
            return ps.executeUpdate();
        }
    }

    private static void insert(Connection c, Key key, Map<String, Long> changes) throws SQLException {
        String sql = "INSERT INTO stats_cell (dimension, grain, stat_day, authority_id, dim_value, shard, "
                + String.join(", ", changes.keySet()) + ") VALUES (?, ?, ?, ?, ?, ?" + ", ?".repeat(changes.size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = setKey(ps, 1, key);
            for (Long delta : changes.values()) {
                ps.setLong(i++, delta);
            }
            ps.executeUpdate();
        }
    }

    private static int setKey(PreparedStatement ps, int first, Key key) throws SQLException {
        ps.setString(first, key.dimension());
        ps.setString(first + 1, String.valueOf(key.grain()));
        ps.setDate(first + 2, Date.valueOf(key.day()));
        ps.setInt(first + 3, key.authorityId());
        ps.setString(first + 4, key.value());
        ps.setInt(first + 5, key.shard());
        return first + 6;
    }

    /** Set before the query runs: PostgreSQL's driver reads every row at once when it is set only afterwards. */
    private static Statement fetchingInPages(Statement statement) throws SQLException {
        statement.setFetchSize(1000);
        return statement;
    }

    /**
     * Recomputes the rollup from the applications and their ratings, one dimension at a time (so memory holds one
     * dimension's rows, not every application), with writers locked out so nothing changes half-way: a rating is
     * written without touching its application's row, so its table is locked too.
     */
    static long rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE application IN SHARE MODE");
            s.execute("LOCK TABLE application_rating IN SHARE MODE");
            s.executeUpdate("DELETE FROM stats_cell");
        }
        long applications = 0;
        for (String dimension : StatsCell.DIMENSIONS) {
            Map<Key, long[]> rows = new HashMap<>();
            applications = 0;
            try (Statement s = fetchingInPages(c.createStatement());
                 ResultSet rs = s.executeQuery("SELECT a.id, a.submitted_at, a.updated_at, a.authority_id, a.region_id, "
                         + "a.place_id, a.service_code, a.assigned_to, a.status, a.due_at, a.decided_on_time, r.rating "
                         + "FROM application a LEFT JOIN application_rating r ON r.application_id = a.id")) {
                while (rs.next()) {
                    applications++;
                    Facts app = facts(rs);
                    int rating = rs.getInt("rating");
                    boolean rated = !rs.wasNull();
                    Map<String, Long> deltas = columnDeltas(app, 1);
                    if (rated) {
                        deltas.put("rating_count", 1L);
                        deltas.put("rating_sum", (long) rating);
                    }
                    for (Key key : keys(app, dimension)) {
                        long[] row = rows.computeIfAbsent(key, k -> new long[COLUMNS.size()]);
                        deltas.forEach((column, delta) -> row[COLUMNS.indexOf(column)] += delta);
                    }
                }
            }
            insertAll(c, rows);
        }
        return applications;
    }

    private static void insertAll(Connection c, Map<Key, long[]> rows) throws SQLException {
        String sql = "INSERT INTO stats_cell (dimension, grain, stat_day, authority_id, dim_value, shard, " + String.join(", ", COLUMNS)
                + ") VALUES (?, ?, ?, ?, ?, ?" + ", ?".repeat(COLUMNS.size()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int batched = 0;
            for (Map.Entry<Key, long[]> row : rows.entrySet()) {
                int i = setKey(ps, 1, row.getKey());
                for (long value : row.getValue()) {
                    ps.setLong(i++, value);
                }
                ps.addBatch();
                if (++batched % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }
}
