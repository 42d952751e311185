package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatisticsSegmentsTest {

    private static List<JdbcStatisticsStore.Segment> segments(String from, String to) {
        return JdbcStatisticsStore.segments(LocalDate.parse(from), LocalDate.parse(to));
    }

    private static JdbcStatisticsStore.Segment days(String first, String last) {
        return new JdbcStatisticsStore.Segment('D', LocalDate.parse(first), LocalDate.parse(last));
    }

    private static JdbcStatisticsStore.Segment months(String first, String last) {
        return new JdbcStatisticsStore.Segment('M', LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void wholeMonthsAreReadFromMonthRowsAndTheEndsFromDayRows() {
        assertEquals(List.of(days("2026-01-15", "2026-01-31"), days("2026-12-01", "2026-12-10"),
                months("2026-02-01", "2026-11-01")), segments("2026-01-15", "2026-12-10"));
        assertEquals(List.of(months("2025-01-01", "2025-12-01")), segments("2025-01-01", "2025-12-31"));
        assertEquals(List.of(days("2024-02-01", "2024-02-28")), segments("2024-02-01", "2024-02-28"));
        assertEquals(List.of(months("2024-02-01", "2024-02-01")), segments("2024-02-01", "2024-02-29"));
        assertEquals(List.of(days("2026-11-25", "2026-11-25")), segments("2026-11-25", "2026-11-25"));
    }
}
