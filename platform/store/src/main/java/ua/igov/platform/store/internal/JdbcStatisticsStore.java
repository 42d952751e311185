package ua.igov.platform.store.internal;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.StatisticsStore;
import ua.igov.platform.store.StatsCell;

/** Statistics from the rollup {@link StatsRollup} keeps, and the open applications past their deadline. */
@Component(service = StatisticsStore.class)
public class JdbcStatisticsStore implements StatisticsStore {

    /** The application column behind each dimension, for what the rollup cannot hold: what is overdue now. */
    private static final Map<String, String> COLUMN = Map.of("region", "region_id", "place", "place_id",
            "authority", "authority_id", "service", "service_code", "official", "assigned_to");

    private final Jdbc jdbc;

    @Activate
    public JdbcStatisticsStore(@Reference Database database) {
        this.jdbc = database.jdbc();
    }

    @Override
    public List<StatsCell> cells(String dimension, LocalDate from, LocalDate to, Set<Integer> authorities) {
        requireDimension(dimension);
        String sql = "SELECT dim_value, " + StatsRollup.COLUMNS.stream().map(c -> "SUM(" + c + ")")
                .collect(Collectors.joining(", ")) + " FROM stats_cell WHERE dimension = ? AND grain = ? "
                + "AND stat_day BETWEEN ? AND ?" + authorityFilter(authorities) + " GROUP BY dim_value";
        return jdbc.read("read statistics by " + dimension, c -> {
            Map<String, StatsCell> byValue = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Segment segment : segments(from, to)) {
                    ps.setString(1, dimension);
                    ps.setString(2, String.valueOf(segment.grain()));
                    ps.setDate(3, Date.valueOf(segment.first()));
                    ps.setDate(4, Date.valueOf(segment.last()));
                    int i = 5;
                    for (Integer authority : authorities) {
                        ps.setInt(i++, authority);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            StatsCell cell = cell(rs);
                            byValue.merge(cell.value(), cell, StatsCell::plus);
                        }
                    }
                }
            }
            // a value whose applications all moved on (claimed from "unassigned", say) keeps a row of zeros
            return byValue.values().stream().filter(cell -> cell.total() > 0).toList();
        });
    }

    @Override
    public Map<Integer, Set<String>> regionsOfAuthorities(LocalDate from, LocalDate to) {
        // every rollup row carries its authority: the region rows say which regions each authority's applications are in
        String sql = "SELECT DISTINCT authority_id, dim_value FROM stats_cell WHERE dimension = 'region' AND grain = ? "
                + "AND stat_day BETWEEN ? AND ? AND authority_id <> 0 AND "
                + String.join(" + ", StatsCell.STATUSES) + " > 0";
        return jdbc.read("read the regions of authorities", c -> {
            Map<Integer, Set<String>> regions = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (Segment segment : segments(from, to)) {
                    ps.setString(1, String.valueOf(segment.grain()));
                    ps.setDate(2, Date.valueOf(segment.first()));
                    ps.setDate(3, Date.valueOf(segment.last()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            regions.computeIfAbsent(rs.getInt(1), a -> new java.util.TreeSet<>()).add(rs.getString(2));
                        }
                    }
                }
            }
            return regions;
        });
    }

    /** Rows of one grain dated {@code first} to {@code last}: month rows are dated the 1st. */
    record Segment(char grain, LocalDate first, LocalDate last) {
    }

    /**
     * A period as whole months in between and single days at either end, so a year reads twelve month rows per
     * value and at most sixty day rows more.
     */
    static List<Segment> segments(LocalDate from, LocalDate to) {
        List<Segment> segments = new ArrayList<>();
        LocalDate firstMonth = null;
        LocalDate lastMonth = null;
        for (LocalDate day = from; !day.isAfter(to); ) {
            LocalDate monthEnd = day.withDayOfMonth(day.lengthOfMonth());
            if (day.getDayOfMonth() == 1 && !monthEnd.isAfter(to)) {
                firstMonth = firstMonth == null ? day : firstMonth;
                lastMonth = day;
            } else {
                segments.add(new Segment(StatsRollup.DAY, day, monthEnd.isAfter(to) ? to : monthEnd));
            }
            day = monthEnd.plusDays(1);
        }
        if (firstMonth != null) {
            segments.add(new Segment(StatsRollup.MONTH, firstMonth, lastMonth));
        }
        return segments;
    }

    private static StatsCell cell(ResultSet rs) throws SQLException {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        int column = 2;
        for (String status : StatsCell.STATUSES) {
            byStatus.put(status, rs.getLong(column++));
        }
        long timed = rs.getLong(column++);
        long onTime = rs.getLong(column++);
        long ratingCount = rs.getLong(column++);
        long ratingSum = rs.getLong(column++);
        long[] histogram = new long[StatsCell.BUCKET_UPPER_HOURS.size()];
        for (int b = 0; b < histogram.length; b++) {
            histogram[b] = rs.getLong(column++);
        }
        return new StatsCell(rs.getString(1), byStatus, timed, onTime, ratingCount, ratingSum, histogram);
    }

    @Override
    public Map<String, Long> overdue(String dimension, LocalDate from, LocalDate to, Set<Integer> authorities,
                                     Set<String> openStatuses, Instant now) {
        requireDimension(dimension);
        if (openStatuses.isEmpty()) {
            return Map.of();
        }
        String column = COLUMN.get(dimension);
        // Only open applications past their deadline are read (index on status, due_at): few, whatever the history.
        String sql = "SELECT " + column + ", COUNT(*) FROM application WHERE status IN ("
                + placeholders(openStatuses.size()) + ") AND due_at < ? AND submitted_at >= ? AND submitted_at < ?"
                + applicationAuthorityFilter(authorities) + " GROUP BY " + column;
        return jdbc.read("count overdue applications by " + dimension, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String status : openStatuses) {
                    ps.setString(i++, status);
                }
                ps.setTimestamp(i++, Jdbc.timestamp(now), Jdbc.UTC.get());
                ps.setTimestamp(i++, Jdbc.timestamp(from.atStartOfDay(StatsRollup.KYIV).toInstant()), Jdbc.UTC.get());
                ps.setTimestamp(i++, Jdbc.timestamp(to.plusDays(1).atStartOfDay(StatsRollup.KYIV).toInstant()), Jdbc.UTC.get());
                for (Integer authority : authorities) {
                    ps.setInt(i++, authority);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, Long> overdue = new LinkedHashMap<>();
                    while (rs.next()) {
                        String value = rs.getString(1);
                        overdue.put(value == null ? "" : value, rs.getLong(2));
                    }
                    return overdue;
                }
            }
        });
    }

    @Override
    public long rebuild() {
        return jdbc.inTransaction("rebuild the statistics", StatsRollup::rebuild);
    }

    private static void requireDimension(String dimension) {
        if (!StatsCell.DIMENSIONS.contains(dimension)) {
            throw new IllegalArgumentException("no statistics by '" + dimension + "'; by " + StatsCell.DIMENSIONS);
        }
    }

    private static String authorityFilter(Set<Integer> authorities) {
        return authorities.isEmpty() ? "" : " AND authority_id IN (" + placeholders(authorities.size()) + ")";
    }

    /**
     * The same filter on the application table, where an application of no authority has none (NULL): the rollup
     * counts it under authority 0, so asking for 0 must find it here too, or its overdue count was always 0.
     */
    private static String applicationAuthorityFilter(Set<Integer> authorities) {
        return authorities.contains(0)
                ? " AND (authority_id IN (" + placeholders(authorities.size()) + ") OR authority_id IS NULL)"
                : authorityFilter(authorities);
    }

    private static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
