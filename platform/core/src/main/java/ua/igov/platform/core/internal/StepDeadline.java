package ua.igov.platform.core.internal;

import java.time.Instant;
import java.util.List;

import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Workflow;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

/**
 * The deadline a workflow step sets, and the authority's deadline it stops while the citizen holds the application.
 *
 * <ul>
 *   <li>A step that keeps the status (a reassignment) keeps both.</li>
 *   <li>Asking the citizen for information ({@code needs_information}) gives the citizen that status's deadline and
 *       stops the authority's: it is kept as {@code pausedDueAt}.</li>
 *   <li>The citizen's answer, back to the status they were asked from, starts the authority's clock again: the paused
 *       deadline moves on by the working days the citizen held the application. Asking a question therefore never
 *       gives the authority a new full term. An authority that was on time when it asked gets at least the working day
 *       after the answer to read it; one that was already late gets its old deadline back, and stays late.</li>
 *   <li>Every other step sets the new status's own deadline.</li>
 * </ul>
 */
record StepDeadline(Instant dueAt, Instant pausedDueAt) {

    static StepDeadline of(WorkingCalendar calendar, Workflow workflow, StoredApplication app, Status from, Status to,
                           Instant now) {
        if (to == from) {
            return new StepDeadline(app.dueAt() != null ? app.dueAt() : fresh(calendar, workflow, to, now),
                    app.pausedDueAt());
        }
        if (to == Status.NEEDS_INFORMATION) {
            return new StepDeadline(fresh(calendar, workflow, to, now), app.dueAt());
        }
        Instant paused = app.pausedDueAt();
        List<StatusChange> moves = moves(app.history());
        if (from == Status.NEEDS_INFORMATION && paused != null && moves.size() >= 2
                && Status.NEEDS_INFORMATION.wireName().equals(moves.get(moves.size() - 1).status())
                && to.wireName().equals(moves.get(moves.size() - 2).status())) {
            Instant askedAt = moves.get(moves.size() - 1).at();
            if (paused.isBefore(askedAt)) {
                return new StepDeadline(paused, null); // late when it asked: nothing was left to pause
            }
            int held = calendar.workingDaysBetween(askedAt, now);
            Instant resumed = held == 0 ? paused : calendar.after(paused, held);
            Instant dayToRead = calendar.after(now, 1);
            return new StepDeadline(resumed.isBefore(dayToRead) ? dayToRead : resumed, null);
        }
        return new StepDeadline(fresh(calendar, workflow, to, now), null);
    }

    /**
     * The history's changes of status, in order: escalations (recorded with the status of their moment, and with the
     * time their run began, so they may sort after a step that committed later) and steps that keep the status
     * (a reassignment, a failed issue) are left out.
     */
    static List<StatusChange> moves(List<StatusChange> history) {
        List<StatusChange> moves = new java.util.ArrayList<>();
        for (StatusChange entry : history) {
            if (ESCALATE.equals(entry.action())) {
                continue;
            }
            if (moves.isEmpty() || !moves.get(moves.size() - 1).status().equals(entry.status())) {
                moves.add(entry);
            }
        }
        return moves;
    }

    /** The action of the history entries the escalation scheduler writes. */
    static final String ESCALATE = "escalate";

    private static Instant fresh(WorkingCalendar calendar, Workflow workflow, Status status, Instant from) {
        // a decided application has no deadline, whatever term a plugin's workflow gives its final status
        Integer days = status.isFinal() ? null : workflow.deadlines().get(status);
        return days == null ? null : calendar.after(from, days);
    }
}
