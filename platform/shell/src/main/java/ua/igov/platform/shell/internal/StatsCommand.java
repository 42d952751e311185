package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.StatisticsReport;
import ua.igov.platform.core.StatisticsRow;
import ua.igov.platform.core.StatisticsService;

@Service
@Command(scope = PlatformCommand.SCOPE, name = "stats", description = "Statistics of applications submitted in a "
        + "period by region, place, authority, service or official: by status, median and 90th-percentile processing "
        + "time, share decided on time, overdue now, average rating; or the anonymised open data")
public class StatsCommand extends PlatformCommand {

    /** The console is an operator's: it sees every authority. */
    private static final Caller CONSOLE = new Caller.Staff("console", Set.of(), Set.of(), true);

    @Reference(optional = true)
    StatisticsService statistics;

    @Argument(index = 0, name = "by", description = "region (the default), place, authority, service or official")
    @Completion(value = StringsCompleter.class, values = {"region", "place", "authority", "service", "official"})
    String by;

    @Option(name = "--from", description = "First submission day, YYYY-MM-DD (default: 30 days before --to; with "
            + "--open-data, the first day of --to's month, or of last month)")
    String from;

    @Option(name = "--to", description = "Last submission day, YYYY-MM-DD (default: today in Kyiv; with --open-data, "
            + "the last day of --from's month, or of last month)")
    String to;

    @Option(name = "--authority", aliases = "-a", description = "Only this authority's applications (its id)")
    String authority;

    @Option(name = "--region", aliases = "-r", description = "Only this region's line (by region)")
    @Completion(RegionIdCompleter.class)
    String region;

    @Option(name = "--service", aliases = "-s", description = "Only this service's line (by service)")
    @Completion(ServiceCodeCompleter.class)
    String service;

    @Option(name = "--open-data", description = "The anonymised open data of one calendar month that is over instead "
            + "(no official, small rows withheld)")
    boolean openData;

    @Option(name = "--csv", description = "With --open-data: print it as CSV")
    boolean csv;

    @Override
    protected Object query() {
        // an option that would be dropped is refused: the operator would take the national table for one authority's
        if (openData && authority != null) {
            throw new ProblemException(400, "invalid-query", "Invalid query",
                    "--open-data is the national table: it has no --authority (by authority, it lists them all)");
        }
        if (csv && !openData) {
            throw new ProblemException(400, "invalid-query", "Invalid query", "--csv prints the --open-data only");
        }
        String dimension = by;
        String only = null;
        if (region != null || service != null) {
            if (region != null && service != null || by != null && !by.equals(region != null ? "region" : "service")) {
                throw new ProblemException(400, "invalid-query", "Invalid query",
                        "--region shows one line by region and --service one line by service: give one of them, "
                                + "and no other dimension");
            }
            dimension = region != null ? "region" : "service";
            only = region != null ? region : service;
        }
        dimension = dimension == null ? "region" : dimension;
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Kyiv"));
        String first;
        String last;
        if (openData && (from == null || to == null)) { // the open data is by calendar month: the one given, or last
            LocalDate month = monthOf(from != null ? from : to, today.minusMonths(1));
            first = from != null ? from : month.withDayOfMonth(1).toString();
            last = to != null ? to : month.withDayOfMonth(month.lengthOfMonth()).toString();
        } else {
            last = to != null ? to : today.toString();
            first = from != null ? from : defaultFrom(last);
        }
        StatisticsReport report = openData ? statistics.openData(dimension, first, last)
                : statistics.statistics(CONSOLE, dimension, first, last, authority);
        if (only != null) {
            String value = only;
            report = new StatisticsReport(report.by(), report.from(), report.to(), report.authorities(),
                    report.computedAt(), report.rows().stream().filter(r -> value.equals(r.value())).toList(), null);
        }
        return csv && openData ? statistics.openDataCsv(report) : report;
    }

    /** The month of the day given (to fill the other end of an open-data month), or {@code otherwise}. */
    private static LocalDate monthOf(String day, LocalDate otherwise) {
        try {
            return day == null ? otherwise : LocalDate.parse(day);
        } catch (java.time.format.DateTimeParseException e) {
            return otherwise; // the service names what is wrong with the day given
        }
    }

    private static String defaultFrom(String to) {
        try {
            return LocalDate.parse(to).minusDays(30).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return to; // the service names what is wrong with --to
        }
    }

    @Override
    protected void print(Object result, PrintStream out) {
        if (result instanceof String text) {
            out.print(text);
            return;
        }
        StatisticsReport report = (StatisticsReport) result;
        if (report.rows().isEmpty() && (region != null || service != null)) {
            // a filter that kept nothing: a typo and a quiet region look alike, so say both
            out.println("No line for " + (region != null ? "region " + oneLine(region) : "service " + oneLine(service))
                    + " from " + report.from() + " to " + report.to() + ": no applications were submitted there "
                    + "then, or there is no such " + (region != null ? "region (platform:regions lists them)"
                    : "service (platform:plugins lists them)") + ".");
            return;
        }
        out.println("Applications submitted " + report.from() + " .. " + report.to() + " by " + report.by()
                + (report.authorities().isEmpty() ? "" : ", authorities " + report.authorities()));
        ShellTable table = new ShellTable();
        table.column(report.by().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + report.by().substring(1));
        for (String heading : List.of("Total", "Open", "Issued", "Rejected", "Cancelled", "Median h", "P90 h",
                "On time", "Overdue", "Rating")) {
            table.column(heading).alignRight();
        }
        report.rows().forEach(row -> add(table, row.value() == null ? "(none)" : row.value(), row));
        if (report.total() != null) {
            add(table, "TOTAL", report.total());
        }
        table.print(out);
    }

    private static void add(ShellTable table, String name, StatisticsRow row) {
        if (row.suppressed()) {
            table.addRow().addContent(name, "withheld", "", "", "", "", "", "", "", "", ""); // small, or hiding one that is
            return;
        }
        long open = row.byStatus().entrySet().stream()
                .filter(e -> List.of("submitted", "in_review", "needs_information", "approved").contains(e.getKey()))
                .mapToLong(e -> e.getValue() == null ? 0 : e.getValue()).sum();
        table.addRow().addContent(name, row.applications(), open, row.byStatus().get("issued"),
                row.byStatus().get("rejected"), row.byStatus().get("cancelled"), blank(row.medianHours()),
                blank(row.p90Hours()), row.onTimeShare() == null ? "" : Math.round(row.onTimeShare() * 100) + "%",
                row.overdueNow(), row.averageRating() == null ? "" : row.averageRating() + " (" + row.ratings() + ")");
    }

    private static String blank(Object value) {
        return Objects.toString(value, "");
    }
}
