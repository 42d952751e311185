package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.Status;
import ua.igov.platform.store.EscalationCandidate;

class EscalationPolicyTest {

    private final EscalationPolicy policy = new EscalationPolicy(new WorkingCalendar(Set.of(), Set.of()));

    /** Due at the end of Monday 30 November 2026 (Kyiv, UTC+2). */
    private static final EscalationCandidate DUE_MONDAY = new EscalationCandidate(1, "1-00000001-6",
            "residence-registration", "1.0", "testland", 7, "in_review", 2, Instant.parse("2026-11-20T08:00:00Z"),
            Instant.parse("2026-11-30T21:59:59.999Z"));

    /** "0: on the due day": on the due day, and not on the weekend before it, which would be told "Due today". */
    @Test
    void aDueDayReminderComesOnTheDueDayNotTheWeekendBefore() {
        EscalationRule dueToday = new EscalationRule("due-today", EscalationRule.Trigger.BEFORE_DUE, 0,
                Set.of(EscalationRule.Action.REMIND_AUTHORITY), Set.of(Status.IN_REVIEW));
        Map<Status, Integer> terms = Map.of(Status.IN_REVIEW, 5);
        assertFalse(policy.fires(dueToday, DUE_MONDAY, Instant.parse("2026-11-27T22:05:00Z"), terms), "Saturday 00:05");
        assertFalse(policy.fires(dueToday, DUE_MONDAY, Instant.parse("2026-11-29T12:00:00Z"), terms), "Sunday");
        assertTrue(policy.fires(dueToday, DUE_MONDAY, Instant.parse("2026-11-29T22:05:00Z"), terms), "Monday 00:05");
        EscalationRule dayBefore = new EscalationRule("day-before", EscalationRule.Trigger.BEFORE_DUE, 1,
                Set.of(EscalationRule.Action.REMIND_AUTHORITY), Set.of(Status.IN_REVIEW));
        assertTrue(policy.fires(dayBefore, DUE_MONDAY, Instant.parse("2026-11-26T22:05:00Z"), terms),
                "one working day before: Friday");
    }

    /**
     * Monday 30 November, the due day, is listed as a holiday after the deadline was computed: the queue shows the
     * application overdue from Tuesday, and "overdue 0" escalates it then too (it waited for the end of Tuesday, the
     * next working day). "overdue 1" still counts a working day after the due date.
     */
    @Test
    void overdueZeroFiresWhenTheDeadlinePassesEvenIfItsDayBecameAHoliday() {
        EscalationPolicy withHoliday = new EscalationPolicy(new WorkingCalendar(
                Set.of(java.time.LocalDate.of(2026, 11, 30)), Set.of()));
        EscalationRule overdue = new EscalationRule("overdue", EscalationRule.Trigger.OVERDUE, 0,
                Set.of(EscalationRule.Action.NOTIFY_SUPERVISOR), Set.of(Status.IN_REVIEW));
        Map<Status, Integer> terms = Map.of(Status.IN_REVIEW, 5);
        assertFalse(withHoliday.fires(overdue, DUE_MONDAY, Instant.parse("2026-11-30T21:00:00Z"), terms));
        assertTrue(withHoliday.fires(overdue, DUE_MONDAY, Instant.parse("2026-12-01T08:00:00Z"), terms),
                "Tuesday morning: past its deadline");
        EscalationRule dayLate = new EscalationRule("day-late", EscalationRule.Trigger.OVERDUE, 1,
                Set.of(EscalationRule.Action.NOTIFY_SUPERVISOR), Set.of(Status.IN_REVIEW));
        assertFalse(policy.fires(dayLate, DUE_MONDAY, Instant.parse("2026-12-01T08:00:00Z"), terms));
        assertTrue(policy.fires(dayLate, DUE_MONDAY, Instant.parse("2026-12-01T22:05:00Z"), terms),
                "a working day after the due date: Wednesday");
    }
}
