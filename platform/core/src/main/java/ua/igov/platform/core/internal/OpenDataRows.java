package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

import ua.igov.platform.core.StatisticsRow;
import ua.igov.platform.store.StatsCell;

/**
 * Makes one table of open data fit to publish, so that no figure about fewer than {@value #SMALLEST_PUBLISHED}
 * applications can be read from it, nor worked out by subtracting its lines from a line that holds them.
 *
 * <p>A line of fewer than five applications is withheld. That alone would not do: the lines of a table nest in
 * published lines (a region's line is the sum of its places' lines; every table sums to the same total), so a
 * region's line minus its published places gives the one place withheld. So within each <em>group</em> of lines
 * that sum to one published line, the withheld lines together must hold no application or at least five: while
 * they hold one to four, the group's smallest published line is withheld as well (statistical offices call it
 * secondary suppression). The whole table is such a group as well, since every table sums to the same total. The
 * same is done for the sums behind the two averages, the ratings behind the average
 * rating and the timed decisions behind the on-time share, since a region's average times its count, minus its
 * places', gives the withheld ones'. Percentiles do not add up, so they are withheld only below five decisions.
 */
final class OpenDataRows {

    /** Fewest applications (decisions, ratings) a published figure may be about. */
    static final int SMALLEST_PUBLISHED = 5;

    /**
     * A line with everything known of it.
     *
     * @param group the published line it is part of (a region's id), or {@code ""} for the table's total alone
     */
    record Line(StatisticsRow row, StatsCell cell, String group) {
    }

    private OpenDataRows() {
    }

    /** The lines as they may be published, in the same order, when each group's lines make up its whole line. */
    static List<StatisticsRow> fitToPublish(List<Line> lines) {
        return fitToPublish(lines, Map.of());
    }

    /**
     * The lines as they may be published, in the same order.
     *
     * @param groupLines each group's own published line (a region's, from the table by region): what of it no line
     *                   of the group holds (a region's applications made at no place, or those of an authority that
     *                   serves more than one region) can be worked out by subtraction too, so it counts as withheld
     */
    static List<StatisticsRow> fitToPublish(List<Line> lines, Map<String, StatsCell> groupLines) {
        boolean[] withheld = withheld(lines, StatsCell::total, new boolean[lines.size()], groupLines);
        boolean[] noAverage = withheld(lines, StatsCell::ratingCount, withheld, groupLines);
        boolean[] noShare = withheld(lines, StatsCell::timed, withheld, groupLines);
        List<StatisticsRow> rows = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            StatisticsRow row = lines.get(i).row();
            if (withheld[i]) {
                rows.add(new StatisticsRow(row.value(), null, null, null, null, null, null, null, null, null, true));
                continue;
            }
            boolean enoughDecided = row.decided() >= SMALLEST_PUBLISHED;
            rows.add(new StatisticsRow(row.value(), row.applications(), row.byStatus(), row.decided(),
                    enoughDecided ? row.medianHours() : null, enoughDecided ? row.p90Hours() : null,
                    noShare[i] ? null : row.onTimeShare(), row.overdueNow(), noAverage[i] ? null : row.averageRating(),
                    row.ratings(), false));
        }
        return rows;
    }

    /**
     * Which lines withhold a figure summed over {@code count} things: those withheld {@code already}, those of fewer
     * than five, and in every group where these hold one to four together, the smallest other line of the group
     * (which holds five or more, so one is always enough).
     */
    static boolean[] withheld(List<Line> lines, ToLongFunction<StatsCell> count, boolean[] already,
                              Map<String, StatsCell> groupLines) {
        boolean[] withheld = new boolean[lines.size()];
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            withheld[i] = already[i] || count.applyAsLong(lines.get(i).cell()) < SMALLEST_PUBLISHED;
            groups.computeIfAbsent(lines.get(i).group(), g -> new ArrayList<>()).add(i);
        }
        Comparator<Integer> smallestFirst = Comparator.<Integer>comparingLong(i -> count.applyAsLong(lines.get(i).cell()))
                .thenComparing(i -> String.valueOf(lines.get(i).row().value()));
        boolean anOutsideIsHidden = false;
        for (Map.Entry<String, List<Integer>> group : groups.entrySet()) {
            StatsCell whole = group.getKey().isEmpty() ? null : groupLines.get(group.getKey());
            long outside = whole == null ? 0 : Math.max(0, count.applyAsLong(whole)
                    - group.getValue().stream().mapToLong(i -> count.applyAsLong(lines.get(i).cell())).sum());
            withholdOneMoreIfNeeded(group.getValue(), outside, lines, count, withheld, smallestFirst);
            anOutsideIsHidden |= outside > 0
                    && (outside < SMALLEST_PUBLISHED || group.getValue().stream().anyMatch(i -> withheld[i]));
        }
        // What the regions hold beyond their lines (made at no place, at an authority of several regions) is, summed
        // over the regions, what the table's lines of no region hold. Published whole, that sum less the regions whose
        // outside part can be worked out (all their lines published) gives the last region's outside part, and with
        // it the line withheld beside it. So while some region's outside part is hidden, so is one line of no region.
        List<Integer> ofNoRegion = groups.getOrDefault("", List.of());
        if (anOutsideIsHidden && ofNoRegion.stream().noneMatch(i -> withheld[i])) {
            ofNoRegion.stream().min(smallestFirst).ifPresent(i -> withheld[i] = true);
        }
        // A group with nothing left to withhold (a region all of whose lines are small) is still the table's total
        // minus every published line, and another table may publish that total: the table as a whole is a group too.
        List<Integer> table = java.util.stream.IntStream.range(0, lines.size()).boxed().toList();
        withholdOneMoreIfNeeded(table, 0, lines, count, withheld, smallestFirst);
        return withheld;
    }

    /** @param outside what the group's own line holds beyond its lines here: as good as withheld */
    private static void withholdOneMoreIfNeeded(List<Integer> group, long outside, List<Line> lines,
                                                ToLongFunction<StatsCell> count, boolean[] withheld,
                                                Comparator<Integer> smallestFirst) {
        long hidden = outside + group.stream().filter(i -> withheld[i]).mapToLong(i -> count.applyAsLong(lines.get(i).cell())).sum();
        if (hidden > 0 && hidden < SMALLEST_PUBLISHED) {
            group.stream().filter(i -> !withheld[i]).min(smallestFirst).ifPresent(i -> withheld[i] = true);
        }
    }
}
