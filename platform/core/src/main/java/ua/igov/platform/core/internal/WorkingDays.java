package ua.igov.platform.core.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Deadlines in working days, the way Ukrainian law counts them: Saturdays and Sundays do not count. (Public holidays
 * come with the working calendar of the deadlines issue.) A deadline ends at the close of its last working day.
 */
final class WorkingDays {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    private WorkingDays() {
    }

    static Instant after(Instant start, int workingDays) {
        ZonedDateTime day = start.atZone(KYIV).toLocalDate().atStartOfDay(KYIV);
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day.plusDays(1).minusNanos(1_000_000).toInstant();
    }
}
