package ua.igov.platform.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Statistics of applications by the day they were submitted (Kyiv time). Read from a rollup that every state change
 * updates in its own transaction, so an answer costs the number of days and values asked for, not the number of
 * applications, and every node sharing the database gives the same answer.
 */
public interface StatisticsStore {

    /**
     * Every value of a dimension with applications submitted from {@code from} to {@code to} (both included).
     *
     * @param authorities only these authorities' applications; empty for all
     */
    List<StatsCell> cells(String dimension, LocalDate from, LocalDate to, Set<Integer> authorities);

    /**
     * The regions each authority's applications submitted in the period belong to: which authorities' lines nest
     * in one region's line, as the applications themselves say (an authority serving several regions is in none).
     * Applications without an authority are left out.
     */
    Map<Integer, Set<String>> regionsOfAuthorities(LocalDate from, LocalDate to);

    /**
     * How many applications submitted in the period are still open in {@code openStatuses} and past their deadline
     * at {@code now}, by value of the dimension.
     */
    Map<String, Long> overdue(String dimension, LocalDate from, LocalDate to, Set<Integer> authorities,
                              Set<String> openStatuses, Instant now);

    /**
     * Recomputes the whole rollup from the applications, holding writers off meanwhile. For applications stored
     * before the rollup existed, and for seeding a benchmark.
     *
     * @return how many applications were rolled up
     */
    long rebuild();
}
