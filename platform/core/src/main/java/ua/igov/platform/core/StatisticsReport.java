package ua.igov.platform.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Statistics by one dimension over a period of submission days (Kyiv time, both ends included).
 *
 * @param authorities the authorities the figures cover; empty for all
 * @param total       every application of the report at once ({@code null} in the open data, see the operator's guide)
 */
public record StatisticsReport(String by, LocalDate from, LocalDate to, List<Integer> authorities, Instant computedAt,
                               List<StatisticsRow> rows, StatisticsRow total) {

    public StatisticsReport {
        authorities = List.copyOf(authorities);
        rows = List.copyOf(rows);
    }
}
