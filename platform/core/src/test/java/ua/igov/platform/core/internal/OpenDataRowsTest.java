package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.StatisticsRow;
import ua.igov.platform.store.StatsCell;

class OpenDataRowsTest {

    /** A line of {@code applications}, {@code ratings} of them rated 4, {@code timed} of them decided on time. */
    private static OpenDataRows.Line line(String value, String group, long applications, long ratings, long timed) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        StatsCell.STATUSES.forEach(s -> byStatus.put(s, 0L));
        byStatus.put("issued", timed);
        byStatus.put("submitted", applications - timed);
        long[] histogram = new long[StatsCell.BUCKET_UPPER_HOURS.size()];
        histogram[3] = timed;
        StatsCell cell = new StatsCell(value, byStatus, timed, timed, ratings, 4 * ratings, histogram);
        return new OpenDataRows.Line(StatisticsManager.row(cell, 0), cell, group);
    }

    private static OpenDataRows.Line line(String value, String group, long applications) {
        return line(value, group, applications, 0, 0);
    }

    private static StatisticsRow row(List<StatisticsRow> rows, String value) {
        return rows.stream().filter(r -> r.value().equals(value)).findFirst().orElseThrow();
    }

    /** Region lviv holds 40: 30 + 7 + 3. Withholding the 3 alone, 40 - 30 - 7 would give it back. */
    @Test
    void theSmallestOtherLineOfARegionIsWithheldWhenOneLineAloneWouldBeWorkedOut() {
        List<StatisticsRow> rows = OpenDataRows.fitToPublish(List.of(line("1", "lviv", 30), line("2", "lviv", 7),
                line("3", "lviv", 3), line("4", "kyiv", 12), line("5", "kyiv", 9)));
        assertTrue(row(rows, "3").suppressed());
        assertTrue(row(rows, "2").suppressed(), "7 + 3 withheld: only their sum, 10, can be worked out");
        assertFalse(row(rows, "1").suppressed());
        assertEquals(30, row(rows, "1").applications());
        assertFalse(row(rows, "4").suppressed(), "kyiv withholds nothing, so nothing more of it");
        assertFalse(row(rows, "5").suppressed());
    }

    /**
     * Region lviv holds 15, its places 6 and 7: the 2 made at no place would be 15 - 6 - 7, so they count as withheld
     * and the smaller place goes with them. The same for the ratings behind the average.
     */
    @Test
    void whatARegionHoldsBeyondItsLinesCountsAsWithheld() {
        List<OpenDataRows.Line> lines = List.of(line("101", "lviv", 6, 6, 0), line("102", "lviv", 7, 7, 0),
                line("no place", "", 2), line("201", "kyiv", 5));
        Map<String, StatsCell> regions = Map.of("lviv", line("lviv", "", 15, 15, 0).cell(), "kyiv", line("kyiv", "", 5).cell());
        List<StatisticsRow> rows = OpenDataRows.fitToPublish(lines, regions);
        assertTrue(row(rows, "101").suppressed(), "15 - 7 would give 6 + 2, of which 2 is made at no place");
        assertFalse(row(rows, "102").suppressed());
        assertFalse(row(rows, "201").suppressed(), "the 2 at no place are already withheld with lviv's 6");
        assertFalse(OpenDataRows.fitToPublish(lines).get(0).suppressed(),
                "without the regions' lines 101 was published: 15 - 6 - 7 told the 2 of lviv made at no place");
    }

    /**
     * Lviv holds 24: places 10 and 12 and 2 made at no place; Kyiv 55: places 20 and 30 and 5 at no place; the line
     * of no place holds the 7. With the 10 withheld beside lviv's 2 and the 7 published, 55 - 20 - 30 gave kyiv's 5,
     * 7 - 5 lviv's 2, and 24 - 12 - 2 the withheld 10: the line of no place is withheld too.
     */
    @Test
    void theLineOfNoRegionIsWithheldWhileARegionsOutsidePartIsHidden() {
        List<OpenDataRows.Line> lines = List.of(line("101", "lviv", 10), line("102", "lviv", 12),
                line("201", "kyiv", 20), line("202", "kyiv", 30), line("no place", "", 7));
        Map<String, StatsCell> regions = Map.of("lviv", line("lviv", "", 24).cell(), "kyiv", line("kyiv", "", 55).cell());
        List<StatisticsRow> rows = OpenDataRows.fitToPublish(lines, regions);
        assertTrue(row(rows, "101").suppressed());
        assertTrue(row(rows, "no place").suppressed(), "7 - (55 - 20 - 30) would give lviv's 2, and 24 - 12 - 2 the 10");
        assertFalse(row(rows, "102").suppressed());
        assertFalse(row(rows, "201").suppressed());
        assertFalse(row(rows, "202").suppressed());

        // every region's outside part published in effect (kyiv's 5 and lviv's 6, no line withheld): nothing to hide
        List<OpenDataRows.Line> open = List.of(line("101", "lviv", 10), line("102", "lviv", 12),
                line("201", "kyiv", 20), line("202", "kyiv", 30), line("no place", "", 11));
        List<StatisticsRow> published = OpenDataRows.fitToPublish(open,
                Map.of("lviv", line("lviv", "", 28).cell(), "kyiv", line("kyiv", "", 55).cell()));
        assertTrue(published.stream().noneMatch(StatisticsRow::suppressed), published.toString());
    }

    @Test
    void withheldLinesThatTogetherHoldFiveNeedNoOther() {
        List<StatisticsRow> rows = OpenDataRows.fitToPublish(List.of(line("1", "lviv", 30), line("2", "lviv", 7),
                line("3", "lviv", 3), line("4", "lviv", 2)));
        assertTrue(row(rows, "3").suppressed());
        assertTrue(row(rows, "4").suppressed());
        assertFalse(row(rows, "2").suppressed(), "3 + 2 = 5 withheld together");
    }

    @Test
    void linesOfAnotherRegionDoNotHideEachOther() {
        // lviv's 2 and kyiv's 2 are 4 in the table's total, but lviv's line minus its other places gives its 2
        List<StatisticsRow> rows = OpenDataRows.fitToPublish(List.of(line("1", "lviv", 30), line("2", "lviv", 2),
                line("3", "kyiv", 20), line("4", "kyiv", 2)));
        assertTrue(row(rows, "1").suppressed());
        assertTrue(row(rows, "3").suppressed());
    }

    /** Region kyiv's places are all small, so nothing of kyiv is left to withhold; but the total less lviv gives it. */
    @Test
    void aRegionWithheldWholeIsProtectedAgainstTheTablesTotal() {
        List<StatisticsRow> rows = OpenDataRows.fitToPublish(List.of(line("1", "lviv", 30), line("2", "lviv", 7),
                line("3", "kyiv", 2), line("4", "kyiv", 1)));
        assertTrue(row(rows, "3").suppressed());
        assertTrue(row(rows, "4").suppressed());
        assertTrue(row(rows, "2").suppressed(), "the smallest published line of the table");
        assertFalse(row(rows, "1").suppressed());
    }

    @Test
    void anAverageThatWouldBeWorkedOutIsWithheldWhileTheCountsArePublished() {
        List<StatisticsRow> rows = OpenDataRows.fitToPublish(List.of(line("1", "lviv", 30, 20, 12),
                line("2", "lviv", 10, 6, 8), line("3", "lviv", 8, 2, 1)));
        assertFalse(row(rows, "3").suppressed());
        assertNull(row(rows, "3").averageRating(), "2 ratings");
        assertNull(row(rows, "2").averageRating(), "the region's average times 28, minus line 1's, would give line 3's");
        assertEquals(4.0, row(rows, "1").averageRating());
        assertEquals(6, row(rows, "2").ratings(), "the count is published: only the average is withheld");
        assertNull(row(rows, "3").onTimeShare(), "1 timed decision");
        assertNull(row(rows, "2").onTimeShare(), "8 timed, the smallest other share");
        assertEquals(1.0, row(rows, "1").onTimeShare());
    }

    /**
     * Random tables: whatever their shape, in no group that publishes anything can a withheld sum of 1 to 4
     * applications, ratings or timed decisions be worked out; every line of fewer than five is withheld; and at most
     * one more line a group is. A group that publishes nothing (a region of fewer than five, withheld itself) is
     * still part of the table, whose total another table may publish.
     */
    @Test
    void noGroupEverLeavesOneToFourWithheld() {
        Random random = new Random(20261127);
        for (int table = 0; table < 2_000; table++) {
            List<OpenDataRows.Line> lines = new ArrayList<>();
            int size = 1 + random.nextInt(12);
            for (int i = 0; i < size; i++) {
                long applications = 1 + random.nextInt(random.nextBoolean() ? 6 : 40);
                long ratings = random.nextInt((int) applications + 1);
                long timed = random.nextInt((int) applications + 1);
                lines.add(line("v" + i, "g" + random.nextInt(3), applications, ratings, timed));
            }
            List<StatisticsRow> rows = OpenDataRows.fitToPublish(lines);
            assertSafe(lines, rows, line -> line.cell().total(), StatisticsRow::suppressed, true, table);
            assertSafe(lines, rows, line -> line.cell().ratingCount(), r -> r.averageRating() == null, false, table);
            assertSafe(lines, rows, line -> line.cell().timed(), r -> r.onTimeShare() == null, false, table);
        }
    }

    private static void assertSafe(List<OpenDataRows.Line> lines, List<StatisticsRow> rows,
                                   ToLongFunction<OpenDataRows.Line> count,
                                   java.util.function.Predicate<StatisticsRow> hidden, boolean wholeLines, int table) {
        Map<String, Long> hiddenSum = new LinkedHashMap<>();
        Map<String, Integer> secondary = new LinkedHashMap<>();
        java.util.Set<String> publishing = new java.util.HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String group = lines.get(i).group();
            long n = count.applyAsLong(lines.get(i));
            boolean withheld = hidden.test(rows.get(i));
            if (n > 0 && n < OpenDataRows.SMALLEST_PUBLISHED) {
                assertTrue(withheld, "table " + table + ": a line of " + n + " is published");
            }
            if (withheld) {
                hiddenSum.merge(group, n, Long::sum);
                if (n >= OpenDataRows.SMALLEST_PUBLISHED && (wholeLines || !rows.get(i).suppressed())) {
                    secondary.merge(group, 1, Integer::sum);
                }
            } else if (n > 0) {
                publishing.add(group);
            }
        }
        hiddenSum.forEach((group, sum) -> assertFalse(publishing.contains(group) && sum > 0
                && sum < OpenDataRows.SMALLEST_PUBLISHED, "table " + table + ", group " + group + ": " + sum
                + " withheld can be worked out"));
        long inTable = hiddenSum.values().stream().mapToLong(Long::longValue).sum();
        assertFalse(!publishing.isEmpty() && inTable > 0 && inTable < OpenDataRows.SMALLEST_PUBLISHED,
                "table " + table + ": " + inTable + " withheld in all, worked out from the total");
        secondary.forEach((group, n) -> assertTrue(n <= 1, "table " + table + ": more withheld than needed"));
    }
}
