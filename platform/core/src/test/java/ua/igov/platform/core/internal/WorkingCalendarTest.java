package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private static final Instant FRIDAY_EVENING_KYIV = Instant.parse("2026-12-25T17:00:00Z"); // 19:00 in Kyiv

    @Test
    void weekendsDoNotCount() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of(), Set.of());
        // from Friday 25 December: Monday 28 is the first working day, Tuesday 29 the second
        assertEquals(Instant.parse("2026-12-29T21:59:59.999Z"), calendar.after(FRIDAY_EVENING_KYIV, 2));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-12-26")));
    }

    @Test
    void holidaysFromTheConfigurationDoNotCountAndMovedWorkingDaysDo() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.parse("2026-12-28"), LocalDate.parse("2026-12-29")),
                Set.of(LocalDate.parse("2026-12-26")));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-12-26")), "a Saturday worked instead of a holiday");
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-12-28")));
        // Saturday 26 (worked), then Wednesday 30: two working days
        assertEquals(Instant.parse("2026-12-30T21:59:59.999Z"), calendar.after(FRIDAY_EVENING_KYIV, 2));
    }

    /**
     * A malformed date is left out and the others hold, whatever was known before: two nodes with the same file count
     * the same deadlines even when one of them restarted since the mistake (before, that one lost every holiday).
     */
    @Test
    void aMalformedDateIsLeftOutAndTheOthersHold() {
        WorkingCalendar running = new WorkingCalendar(Set.of(LocalDate.parse("2026-12-28")), Set.of());
        WorkingCalendar restarted = new WorkingCalendar();
        for (WorkingCalendar calendar : java.util.List.of(running, restarted)) {
            calendar.configure(config(new String[] {"2026-12-29, 2026-13-45"}, new String[] {"2026-12-26", "soon"}));
            assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-12-28")), "not in the file any more");
            assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-12-29")), "the good date of the line");
            assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-12-26")), "a Saturday worked");
        }
    }

    /** A term of 0 working days that starts on a day off ends with the next working day, not on the day off. */
    @Test
    void aSameDayTermStartingOnADayOffEndsWithTheNextWorkingDay() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of(LocalDate.parse("2026-12-28")), Set.of());
        Instant saturdayMorningKyiv = Instant.parse("2026-12-26T08:00:00Z");
        assertEquals(Instant.parse("2026-12-29T21:59:59.999Z"), calendar.after(saturdayMorningKyiv, 0),
                "Sunday off, Monday a holiday: Tuesday");
        Instant wednesday = Instant.parse("2026-12-23T08:00:00Z");
        assertEquals(Instant.parse("2026-12-23T21:59:59.999Z"), calendar.after(wednesday, 0), "a working day: itself");
        assertEquals(Instant.parse("2026-12-29T21:59:59.999Z"), calendar.after(saturdayMorningKyiv, 1),
                "and a day's term still ends with the first working day after it");
    }

    @Test
    void aCommaSeparatedLineOfTheCfgFileIsEveryDateOnIt() {
        WorkingCalendar calendar = new WorkingCalendar();
        calendar.configure(config(new String[] {"2026-12-28, 2026-12-29,2026-12-30"}, new String[] {""}));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-12-28")));
        assertFalse(calendar.isWorkingDay(LocalDate.parse("2026-12-30")));
        assertTrue(calendar.isWorkingDay(LocalDate.parse("2026-12-31")));
    }

    @Test
    void aDeadlineEndsAtTheCloseOfItsLastWorkingDayInKyivEvenAcrossTheClockChange() {
        WorkingCalendar calendar = new WorkingCalendar(Set.of(), Set.of());
        // Friday 27 March 2026, 3 working days: Mon 30, Tue 31, Wed 1 April (summer time, UTC+3)
        assertEquals(Instant.parse("2026-04-01T20:59:59.999Z"), calendar.after(Instant.parse("2026-03-27T10:00:00Z"), 3));
    }

    /** The configuration as Config Admin hands it over from etc/ua.igov.platform.calendar.cfg. */
    private static WorkingCalendar.Config config(String[] holidays, String[] workingWeekendDays) {
        return new WorkingCalendar.Config() {
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return WorkingCalendar.Config.class;
            }

            public String[] holidays() {
                return holidays;
            }

            public String[] workingWeekendDays() {
                return workingWeekendDays;
            }
        };
    }
}
