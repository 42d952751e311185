package ua.igov.platform.core.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.core.StatisticsReport;
import ua.igov.platform.core.StatisticsRow;
import ua.igov.platform.core.StatisticsService;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Role;
import ua.igov.platform.spi.Status;
import ua.igov.platform.store.StatisticsStore;
import ua.igov.platform.store.StatsCell;

/**
 * Statistics from the store's rollup: percentiles from its processing-time histogram, shares and averages from its
 * sums, what is overdue now from the open applications. Keeps nothing between calls.
 */
@Component(service = StatisticsService.class)
public class StatisticsManager implements StatisticsService {

    static final long LONGEST_PERIOD_DAYS = 3 * 366;
    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2999, 12, 31);
    static final Set<String> OPEN_DATA_DIMENSIONS = Set.of("region", "place", "authority", "service");
    /** Overdue counts the authority's delays only: a citizen late with an answer is not. */
    private static final Set<String> OPEN = EscalationRule.STAFF_STATUSES.stream().map(Status::wireName)
            .collect(Collectors.toSet());

    private final StatisticsStore store;
    /** The region a place is in, as the region plugins installed now say; {@code null} when none says. */
    private final IntFunction<String> regionOfPlace;
    private final Clock clock;

    @Activate
    public StatisticsManager(@Reference StatisticsStore store, @Reference InstalledPlugins plugins) {
        this(store, place -> regionOfPlace(plugins, place), Clock.systemUTC());
    }

    /** For the benchmark and tests: {@code regionOfPlace} answers {@code null} for a place it does not know. */
    public StatisticsManager(StatisticsStore store, IntFunction<String> regionOfPlace, Clock clock) {
        this.store = store;
        this.regionOfPlace = regionOfPlace;
        this.clock = clock;
    }

    private static String regionOfPlace(InstalledPlugins plugins, int place) {
        return plugins.regions().stream().filter(r -> r.place(place) != null).map(RegionIndex::id).findFirst()
                .orElse(null);
    }

    private record Query(String by, LocalDate from, LocalDate to, Integer authority) {
    }

    @Override
    public StatisticsReport statistics(Caller caller, String by, String from, String to, String authority) {
        Set<Integer> scope = scope(caller, authority);
        Query query = query(by, from, to, authority, StatsCell.DIMENSIONS);
        if (query.authority() != null) {
            scope = Set.of(query.authority());
        }
        List<StatsCell> cells = store.cells(query.by(), query.from(), query.to(), scope);
        Map<String, Long> overdue = store.overdue(query.by(), query.from(), query.to(), scope, OPEN, clock.instant());
        List<StatisticsRow> rows = cells.stream().map(c -> row(c, overdue.getOrDefault(c.value(), 0L))).toList();
        StatisticsRow total = row(sum(cells), overdue.values().stream().mapToLong(Long::longValue).sum());
        return new StatisticsReport(query.by(), query.from(), query.to(), scope.stream().sorted().toList(),
                clock.instant(), rows, total);
    }

    /** Operators see everything; a supervisor only the authorities they supervise; nobody else anything. */
    private static Set<Integer> scope(Caller caller, String authority) {
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        if (!(caller instanceof Caller.Staff staff)) {
            throw Problems.forbidden("Statistics are for supervisors and operators.");
        }
        if (staff.operator()) {
            return Set.of();
        }
        if (!staff.roles().contains(Role.SUPERVISOR) || staff.authorities().isEmpty()) {
            throw Problems.forbidden("Statistics are for supervisors and operators.");
        }
        if (authority != null && authority.matches("\\d{1,9}") && !staff.worksFor(Integer.parseInt(authority))) {
            throw Problems.forbidden("You supervise authorities " + staff.authorities().stream().sorted().toList()
                    + ", not " + authority + ".");
        }
        return staff.authorities();
    }

    private static Query query(String by, String from, String to, String authority, List<String> dimensions) {
        List<FieldProblem> problems = new ArrayList<>();
        if (by == null || !dimensions.contains(by)) {
            problems.add(new FieldProblem("by", "required: one of " + dimensions));
        }
        LocalDate first = date("from", from, problems);
        LocalDate last = date("to", to, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldProblem("to", "must not be before from (" + first + ")"));
            } else if (ChronoUnit.DAYS.between(first, last) >= LONGEST_PERIOD_DAYS) {
                problems.add(new FieldProblem("to", "a period is at most " + LONGEST_PERIOD_DAYS + " days"));
            }
        }
        Integer authorityId = null;
        if (authority != null) {
            if (authority.matches("\\d{1,9}")) {
                authorityId = Integer.parseInt(authority);
            } else {
                problems.add(new FieldProblem("authority", "must be an authority's id, a whole number"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "invalid-query", "Invalid query", problems.get(0).field() + ": "
                    + problems.get(0).message(), problems);
        }
        return new Query(by, first, last, authorityId);
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required: a day as YYYY-MM-DD"));
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "'" + (value.length() > 20 ? value.substring(0, 20) + "…" : value)
                    + "' is not a day as YYYY-MM-DD"));
            return null;
        }
        // ISO dates run to year ±999 999 999, databases' to 9999 at most: no application is outside these days
        if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
            problems.add(new FieldProblem(field, "must be a day from " + FIRST_DAY + " to " + LAST_DAY));
            return null;
        }
        return day;
    }

    static StatisticsRow row(StatsCell cell, long overdueNow) {
        long decided = StatsCell.DECIDED.stream().mapToLong(s -> cell.byStatus().get(s)).sum();
        return new StatisticsRow(cell.value().isEmpty() ? null : cell.value(), cell.total(),
                new LinkedHashMap<>(cell.byStatus()), decided, percentileHours(cell.histogram(), 0.5),
                percentileHours(cell.histogram(), 0.9),
                cell.timed() == 0 ? null : round((double) cell.onTime() / cell.timed(), 1000),
                overdueNow, cell.ratingCount() == 0 ? null : round((double) cell.ratingSum() / cell.ratingCount(), 100),
                cell.ratingCount(), false);
    }

    /**
     * The nearest-rank percentile read from the histogram: the upper edge of the bucket holding the value ranked
     * {@code ceil(p * n)}. Never below the exact value, and at most one bucket's width above it.
     */
    static Integer percentileHours(long[] histogram, double p) {
        long n = Arrays.stream(histogram).sum();
        if (n == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * n);
        long seen = 0;
        for (int b = 0; b < histogram.length; b++) {
            seen += histogram[b];
            if (seen >= rank) {
                return StatsCell.BUCKET_UPPER_HOURS.get(b);
            }
        }
        throw new IllegalStateException("the rank lies within the histogram");
    }

    private static double round(double value, int scale) {
        return Math.round(value * scale) / (double) scale;
    }

    private static StatsCell sum(List<StatsCell> cells) {
        return cells.stream().reduce(StatsCell.empty(""), StatsCell::plus);
    }

    // ---- open data ----------------------------------------------------------------------------------------------

    /**
     * Open data is published for one calendar month at a time, and only once it is over: two periods that differ by
     * a day, or yesterday's and today's figures of the month under way, would otherwise tell what happened in that
     * day by subtraction.
     */
    @Override
    public StatisticsReport openData(String by, String from, String to) {
        Query query = query(by, from, to, null, StatsCell.DIMENSIONS.stream().filter(OPEN_DATA_DIMENSIONS::contains).toList());
        requireMonthOver(query.from(), query.to());
        List<StatsCell> cells = store.cells(query.by(), query.from(), query.to(), Set.of());
        Map<String, Long> overdue = store.overdue(query.by(), query.from(), query.to(), Set.of(), OPEN, clock.instant());
        Function<String, String> groupOf = groups(query);
        List<OpenDataRows.Line> lines = cells.stream()
                .map(c -> new OpenDataRows.Line(row(c, overdue.getOrDefault(c.value(), 0L)), c, groupOf.apply(c.value())))
                .toList();
        // a place's or authority's group is its region, whose own line the table by region publishes
        Map<String, StatsCell> regionLines = query.by().equals("place") || query.by().equals("authority")
                ? store.cells("region", query.from(), query.to(), Set.of()).stream()
                        .collect(Collectors.toMap(StatsCell::value, Function.identity(), (a, b) -> a))
                : Map.of();
        return new StatisticsReport(query.by(), query.from(), query.to(), List.of(), clock.instant(),
                OpenDataRows.fitToPublish(lines, regionLines), null);
    }

    private void requireMonthOver(LocalDate from, LocalDate to) {
        LocalDate lastDay = from.withDayOfMonth(from.lengthOfMonth());
        String month = from.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                + from.getYear();
        FieldProblem problem = null;
        if (from.getDayOfMonth() != 1) {
            problem = new FieldProblem("from", "open data is published by calendar month: from must be the first day "
                    + "of a month (" + from.withDayOfMonth(1) + ")");
        } else if (!to.equals(lastDay)) {
            problem = new FieldProblem("to", "open data is published by calendar month: to must be the last day of "
                    + month + " (" + lastDay + ")");
        } else if (!lastDay.isBefore(LocalDate.now(clock.withZone(WorkingCalendar.KYIV)))) {
            problem = new FieldProblem("to", month + " is not over yet: its open data is published from "
                    + lastDay.plusDays(1));
        }
        if (problem != null) {
            throw new ProblemException(400, "invalid-query", "Invalid query", problem.field() + ": " + problem.message(),
                    List.of(problem));
        }
    }

    /**
     * The published line each line of the table is part of: a place's region (from the catalogue), an authority's
     * region when all its applications of the period are in one (from the applications); else only the total.
     */
    private Function<String, String> groups(Query query) {
        switch (query.by()) {
            case "place":
                return value -> value.isEmpty() ? "" : Objects.requireNonNullElse(regionOfPlace.apply(Integer.parseInt(value)), "");
            case "authority":
                Map<Integer, Set<String>> regions = store.regionsOfAuthorities(query.from(), query.to());
                return value -> {
                    Set<String> in = value.isEmpty() ? Set.of() : regions.getOrDefault(Integer.parseInt(value), Set.of());
                    return in.size() == 1 ? in.iterator().next() : "";
                };
            default:
                return value -> "";
        }
    }

    @Override
    public String openDataCsv(StatisticsReport report) {
        StringBuilder csv = new StringBuilder("from,to,by,value,applications,");
        StatsCell.STATUSES.forEach(s -> csv.append(s).append(','));
        csv.append("decided,median_hours,p90_hours,on_time_share,overdue_now,ratings,average_rating,suppressed\r\n");
        for (StatisticsRow row : report.rows()) {
            List<Object> fields = new ArrayList<>(List.of(report.from(), report.to(), report.by()));
            fields.add(row.value());
            fields.add(row.applications());
            StatsCell.STATUSES.forEach(s -> fields.add(row.byStatus() == null ? null : row.byStatus().get(s)));
            fields.addAll(Arrays.asList(row.decided(), row.medianHours(), row.p90Hours(), row.onTimeShare(),
                    row.overdueNow(), row.ratings(), row.averageRating(), row.suppressed()));
            csv.append(fields.stream().map(StatisticsManager::csvField).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; empty for no value. */
    private static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.matches("[^\",\r\n]*") ? text : '"' + text.replace("\"", "\"\"") + '"';
    }
}
