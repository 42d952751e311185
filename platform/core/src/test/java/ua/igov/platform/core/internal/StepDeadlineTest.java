package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Workflow;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

class StepDeadlineTest {

    private final WorkingCalendar calendar = new WorkingCalendar(Set.of(), Set.of());

    private static StatusChange entry(String status, String at, String action) {
        return new StatusChange(status, Instant.parse(at), "someone", action, null, null);
    }

    private static StoredApplication waitingForAnswer(List<StatusChange> history, Instant paused) {
        return new StoredApplication(1, "1-00000001-6", "svc", "region", 1, "1.0", "0.1.0", "{}", "needs_information",
                history.get(0).at(), history.get(history.size() - 1).at(), history, "dev:taras", 7, "olena",
                Instant.parse("2026-12-29T21:59:59.999Z"), 0, null, 3, 0, null, paused);
    }

    /**
     * An escalation recorded with its run's start time can sort after the question that committed later; it is not the
     * status the application was asked from, and the answer still resumes the paused deadline, not a new full term.
     */
    @Test
    void anEscalationSortedAfterTheQuestionDoesNotHideIt() {
        Instant paused = Instant.parse("2026-12-10T21:59:59.999Z");
        StoredApplication app = waitingForAnswer(List.of(
                entry("submitted", "2026-11-25T10:00:00Z", "submit"),
                entry("in_review", "2026-11-26T08:00:00Z", "claim"),
                entry("in_review", "2026-11-27T08:00:00Z", "reassign"),
                entry("needs_information", "2026-12-08T08:00:00Z", "request-information"),
                entry("in_review", "2026-12-08T08:00:01Z", StepDeadline.ESCALATE)), paused);
        StepDeadline due = StepDeadline.of(calendar, Workflow.DEFAULT, app, Status.NEEDS_INFORMATION, Status.IN_REVIEW,
                Instant.parse("2026-12-14T08:00:00Z"));
        assertEquals(Instant.parse("2026-12-16T21:59:59.999Z"), due.dueAt(), "10 December moved on by 4 working days");
        assertNull(due.pausedDueAt());
    }

    /** An answer to a question asked from another status than the one it returns to gets that status's own term. */
    @Test
    void anAnswerToAnotherStatusGetsItsOwnTerm() {
        StoredApplication app = waitingForAnswer(List.of(
                entry("submitted", "2026-11-25T10:00:00Z", "submit"),
                entry("needs_information", "2026-11-26T08:00:00Z", "ask-early")), Instant.parse("2026-11-27T21:59:59.999Z"));
        StepDeadline due = StepDeadline.of(calendar, Workflow.DEFAULT, app, Status.NEEDS_INFORMATION, Status.IN_REVIEW,
                Instant.parse("2026-11-30T08:00:00Z"));
        assertEquals(calendar.after(Instant.parse("2026-11-30T08:00:00Z"), 10), due.dueAt());
    }

    /** A plugin's workflow may give a final status a term; a decided application still has no deadline. */
    @Test
    void aDecidedApplicationHasNoDeadlineWhateverTheWorkflowSays() {
        java.util.Map<Status, Integer> terms = new java.util.EnumMap<>(Workflow.DEFAULT.deadlines());
        terms.put(Status.ISSUED, 3);
        terms.put(Status.REJECTED, 3);
        Workflow workflow = Workflow.DEFAULT.withDeadlines(terms);
        StoredApplication app = waitingForAnswer(List.of(entry("submitted", "2026-11-25T10:00:00Z", "submit"),
                entry("approved", "2026-11-26T08:00:00Z", "approve")), null);
        for (Status decided : List.of(Status.ISSUED, Status.REJECTED)) {
            StepDeadline due = StepDeadline.of(calendar, workflow, app, Status.APPROVED, decided,
                    Instant.parse("2026-11-30T08:00:00Z"));
            assertNull(due.dueAt(), decided.name());
            assertNull(due.pausedDueAt());
        }
        assertEquals(calendar.after(Instant.parse("2026-11-30T08:00:00Z"), 5), StepDeadline.of(calendar, workflow, app,
                Status.IN_REVIEW, Status.APPROVED, Instant.parse("2026-11-30T08:00:00Z")).dueAt(), "a step still has its term");
    }
}
