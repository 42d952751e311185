package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ApplicationSummary;
import ua.igov.platform.core.ApplicationView;
import ua.igov.platform.core.Caller;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Workflow;

/**
 * Every step's deadline comes from the plugin's workflow in working days, and both the citizen and the official see
 * the same due date; the official's queue puts the nearest deadline first.
 */
class ApplicationDeadlinesTest {

    private static final Caller TARAS = ApplicationManagerTest.TARAS;
    private static final Caller OLENA = ApplicationManagerTest.OLENA;

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    /** Takes a step at a moment and returns the due date both the citizen and the official are shown. */
    private static Instant step(WorkflowFixture f, String n, Caller who, String action, String body, String when) {
        f.clock.set(at(when));
        f.applications.act(who, n, action, body == null ? null : WorkflowFixture.json(body));
        return sameForBoth(f, n);
    }

    private static Instant sameForBoth(WorkflowFixture f, String n) {
        ApplicationView citizen = f.applications.application(TARAS, n);
        ApplicationView official = f.applications.application(OLENA, n);
        assertEquals(citizen.dueAt(), official.dueAt(), "the citizen and the official see one due date");
        return citizen.dueAt();
    }

    @Test
    void eachStepGetsTheDeadlineOfItsStatusAndAReassignmentKeepsIt() throws Exception {
        WorkflowFixture f = new WorkflowFixture(at("2026-11-25T10:00:00Z"), new WorkingCalendar(Set.of(), Set.of()));
        String n = f.submitAt(at("2026-11-25T10:00:00Z")); // Wednesday
        assertEquals(at("2026-11-27T21:59:59.999Z"), sameForBoth(f, n), "submitted: 2 working days to claim");
        assertEquals(at("2026-12-10T21:59:59.999Z"), step(f, n, OLENA, "claim", null, "2026-11-26T08:00:00Z"),
                "in review: 10 working days from Thursday");
        assertEquals(at("2026-12-10T21:59:59.999Z"), step(f, n, ApplicationManagerTest.SUPERVISOR, "reassign",
                "{\"official\": \"olena\"}", "2026-11-27T08:00:00Z"), "handing it to another official keeps the deadline");
        assertEquals(at("2026-12-21T21:59:59.999Z"), step(f, n, OLENA, "request-information",
                "{\"questions\": [{\"field\": \"/birthDate\", \"question\": \"?\"}]}", "2026-11-30T08:00:00Z"),
                "needs information: the citizen has 15 working days");
        assertEquals(at("2026-12-11T21:59:59.999Z"), step(f, n, TARAS, "answer",
                "{\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-10\"}}", "2026-12-01T08:00:00Z"),
                "back in review: the deadline it had, moved on by the one working day the citizen held it");
        assertEquals(at("2026-12-09T21:59:59.999Z"), step(f, n, OLENA, "approve", null, "2026-12-02T08:00:00Z"),
                "approved: 5 working days to issue");
        assertNull(step(f, n, OLENA, "issue", null, "2026-12-03T08:00:00Z"), "a decided application has no deadline");
    }

    @Test
    void aServiceWithItsOwnTermsAndAHolidayInTheCalendar() throws Exception {
        WorkflowFixture f = new WorkflowFixture(at("2026-11-25T10:00:00Z"),
                new WorkingCalendar(Set.of(LocalDate.parse("2026-11-26")), Set.of()));
        f.useWorkflow(Workflow.DEFAULT.withDeadlines(Map.of(Status.SUBMITTED, 1, Status.IN_REVIEW, 3)));
        String n = f.submitAt(at("2026-11-25T10:00:00Z"));
        assertEquals(at("2026-11-27T21:59:59.999Z"), sameForBoth(f, n), "1 working day, Thursday is a holiday");
        assertEquals(at("2026-12-02T21:59:59.999Z"), step(f, n, OLENA, "claim", null, "2026-11-27T08:00:00Z"),
                "3 working days from Friday: Monday, Tuesday, Wednesday");
        assertEquals(List.of(), f.applications.application(OLENA, n).history().stream()
                .filter(s -> s.action() == null).toList(), "every history entry says what it was");
    }

    @Test
    void theQueueShowsTheNearestDeadlineFirstAndWhatIsOverdue() throws Exception {
        WorkflowFixture f = new WorkflowFixture(at("2026-11-25T10:00:00Z"), new WorkingCalendar(Set.of(), Set.of()));
        String later = f.submitAt(at("2026-11-25T10:00:00Z"));   // due Friday 27
        String sooner = f.submitAt(at("2026-11-23T10:00:00Z"));  // due Wednesday 25
        String inReview = f.submitAt(at("2026-11-20T10:00:00Z"));
        f.clock.set(at("2026-11-20T11:00:00Z"));
        f.applications.act(OLENA, inReview, "claim", null);     // due Friday 4 December
        f.clock.set(at("2026-11-26T09:00:00Z"));

        List<ApplicationSummary> queue = f.applications.queue(OLENA, List.of(), 50);
        assertEquals(List.of(sooner, later, inReview), queue.stream().map(ApplicationSummary::trackingNumber).toList());
        assertEquals(at("2026-11-25T21:59:59.999Z"), queue.get(0).dueAt());
        assertTrue(queue.get(0).overdue());
        assertFalse(queue.get(1).overdue());
        assertEquals(queue.get(0).dueAt(), f.applications.mine(TARAS, 50).stream()
                .filter(a -> a.trackingNumber().equals(sooner)).findFirst().orElseThrow().dueAt(),
                "the citizen's list shows the same due date");
    }

    @Test
    void aCitizenLateWithAnAnswerIsNotTheAuthoritysDelayAndStaysOutOfTheDefaultQueue() throws Exception {
        WorkflowFixture f = new WorkflowFixture(at("2026-11-25T10:00:00Z"), new WorkingCalendar(Set.of(), Set.of()));
        String waiting = f.submitAt(at("2026-11-25T10:00:00Z"));
        step(f, waiting, OLENA, "claim", null, "2026-11-25T11:00:00Z");
        assertEquals(at("2026-12-16T21:59:59.999Z"), step(f, waiting, OLENA, "request-information",
                "{\"questions\": [{\"field\": \"/birthDate\", \"question\": \"?\"}]}", "2026-11-25T12:00:00Z"));
        String inReview = f.submitAt(at("2026-11-25T10:00:00Z"));
        step(f, inReview, OLENA, "claim", null, "2026-11-25T13:00:00Z"); // due 9 December
        f.clock.set(at("2026-12-21T09:00:00Z")); // both deadlines have passed

        List<ApplicationSummary> queue = f.applications.queue(OLENA, List.of(), 50);
        assertEquals(List.of(inReview), queue.stream().map(ApplicationSummary::trackingNumber).toList(),
                "the default queue holds what staff must act on");
        assertTrue(queue.get(0).overdue());
        ApplicationSummary asked = f.applications.queue(OLENA, List.of("needs_information"), 50).get(0);
        assertEquals(waiting, asked.trackingNumber(), "asked for, it is there");
        assertFalse(asked.overdue(), "the citizen's deadline passing is not the authority's delay");
        assertFalse(f.applications.summary(TARAS, waiting).overdue(), "nor in the status the citizen reads");
        assertTrue(f.applications.summary(TARAS, inReview).overdue());
    }

    private static final String QUESTION = "{\"questions\": [{\"field\": \"/birthDate\", \"question\": \"?\"}]}";
    private static final String ANSWER = "{\"form\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-10\"}}";

    /**
     * Asking the citizen stops the authority's clock; the answer starts it again with the working days it had left,
     * over as many rounds of questions as it takes: a question never buys the authority a new full term.
     */
    @Test
    void aQuestionStopsTheAuthoritysClockAndTheAnswerStartsItAgain() throws Exception {
        WorkflowFixture f = new WorkflowFixture(at("2026-11-25T10:00:00Z"), new WorkingCalendar(Set.of(), Set.of()));
        String n = f.submitAt(at("2026-11-25T10:00:00Z")); // Wednesday
        assertEquals(at("2026-12-10T21:59:59.999Z"), step(f, n, OLENA, "claim", null, "2026-11-26T08:00:00Z"),
                "in review: 10 working days, to Thursday 10 December");
        step(f, n, OLENA, "request-information", QUESTION, "2026-12-08T08:00:00Z"); // Tuesday: 2 working days left
        assertEquals(at("2026-12-16T21:59:59.999Z"), step(f, n, TARAS, "answer", ANSWER, "2026-12-14T08:00:00Z"),
                "answered the next Monday, 4 working days later: 10 December moves on by 4, to Wednesday 16 December, "
                        + "the two working days it had left after the day it asked");
        step(f, n, OLENA, "request-information", QUESTION, "2026-12-15T08:00:00Z"); // Tuesday: one day left, Wednesday
        assertEquals(at("2026-12-18T21:59:59.999Z"), step(f, n, TARAS, "answer", ANSWER, "2026-12-17T08:00:00Z"),
                "a second round counts the same way: two working days held, 16 December moves on to Friday 18");
        assertFalse(f.applications.summary(OLENA, n).overdue());
    }

    /** An authority asking on its last day still gets the working day after the answer to read it. */
    @Test
    void anAnswerToAQuestionAskedOnTheLastDayLeavesTheNextWorkingDayToReadIt() throws Exception {
        WorkflowFixture f = new WorkflowFixture(at("2026-11-25T10:00:00Z"), new WorkingCalendar(Set.of(), Set.of()));
        String n = f.submitAt(at("2026-11-25T10:00:00Z"));
        step(f, n, OLENA, "claim", null, "2026-11-26T08:00:00Z");
        step(f, n, OLENA, "request-information", QUESTION, "2026-12-10T08:00:00Z"); // Thursday 10 December, the last day
        assertEquals(at("2026-12-11T21:59:59.999Z"), step(f, n, TARAS, "answer", ANSWER, "2026-12-10T15:00:00Z"),
                "answered the same afternoon: the end of Friday, not the end of that Thursday");
    }

    /** An authority that was late when it asked stays late: the question does not wipe out the delay. */
    @Test
    void aQuestionAskedAfterTheDeadlineDoesNotMakeTheApplicationOnTimeAgain() throws Exception {
        WorkflowFixture f = new WorkflowFixture(at("2026-11-25T10:00:00Z"), new WorkingCalendar(Set.of(), Set.of()));
        String n = f.submitAt(at("2026-11-25T10:00:00Z"));
        step(f, n, OLENA, "claim", null, "2026-11-26T08:00:00Z"); // due Thursday 10 December
        step(f, n, OLENA, "request-information", QUESTION, "2026-12-14T08:00:00Z"); // Monday, 2 working days late
        assertEquals(at("2026-12-10T21:59:59.999Z"), step(f, n, TARAS, "answer", ANSWER, "2026-12-16T08:00:00Z"),
                "the deadline it missed, 10 December");
        assertTrue(f.applications.summary(OLENA, n).overdue(), "still overdue");

        // late by a weekend only: no working day between the deadline and the question, and still late
        String m = f.submitAt(at("2026-11-27T10:00:00Z")); // Friday
        assertEquals(at("2026-12-11T21:59:59.999Z"), step(f, m, OLENA, "claim", null, "2026-11-27T11:00:00Z"));
        step(f, m, OLENA, "request-information", QUESTION, "2026-12-12T08:00:00Z"); // Saturday
        assertEquals(at("2026-12-11T21:59:59.999Z"), step(f, m, TARAS, "answer", ANSWER, "2026-12-14T08:00:00Z"));
        assertTrue(f.applications.summary(OLENA, m).overdue(), "late by a weekend is late");
    }
}
