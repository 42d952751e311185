package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.ApplicationSummary;
import ua.igov.platform.core.ApplicationView;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.EscalationRule.Action;
import ua.igov.platform.spi.EscalationRule.Trigger;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Workflow;
import ua.igov.platform.store.OutboxEntry;

/**
 * Time driven through deadlines with an injected clock: each escalation fires once, at the moment its rule says,
 * however often the scheduler runs, and two scheduler instances on one database do not double it.
 */
class EscalationSchedulerTest {

    /** Wednesday 25 November 2026, 12:00 in Kyiv. */
    private static final Instant SUBMITTED = Instant.parse("2026-11-25T10:00:00Z");
    private static final List<EscalationRule> PLATFORM = EscalationScheduler.defaultRules(new String[] {
        "unclaimed: unclaimed 1 -> remind-authority",
        "due-soon: before-due 1 -> remind-authority",
        "overdue: overdue 0 -> notify-supervisor, mark-escalated"});
    /** Authority 7 delivers the fixture's offering; authority 8 is someone else's. */
    private static final String[] STAFF = {"7 officials email:cnap-7@testland.example; 8 officials email:cnap-8@x.example",
        "7 supervisors email:head-7@testland.example; * supervisors sms:+380501112233"};
    private StaffAddresses staff = StaffAddresses.parse(STAFF);

    private final WorkflowFixture fixture;
    private final DerbyStores stores;
    private final MutableClock clock;
    private final ApplicationManager applications;
    private final List<EscalationScheduler> schedulers = new ArrayList<>();

    EscalationSchedulerTest() throws Exception {
        fixture = new WorkflowFixture(SUBMITTED, new WorkingCalendar(Set.of(), Set.of()));
        stores = fixture.stores;
        clock = fixture.clock;
        applications = fixture.applications;
    }

    @AfterEach
    void tearDown() {
        schedulers.forEach(EscalationScheduler::stop);
    }

    private EscalationScheduler scheduler(ua.igov.platform.store.EscalationStore store) {
        return scheduler(store, 3);
    }

    private EscalationScheduler scheduler(ua.igov.platform.store.EscalationStore store, int batchSize) {
        EscalationScheduler scheduler = new EscalationScheduler(fixture.plugins, store, stores.applications, fixture.calendar, clock, PLATFORM,
                staff, batchSize);
        schedulers.add(scheduler);
        return scheduler;
    }

    private String submit() {
        return fixture.submitAt(SUBMITTED);
    }

    /** Runs the scheduler every half hour from {@code from} until {@code until}; returns when each rule fired. */
    private Map<String, Instant> drive(EscalationScheduler scheduler, Instant from, Instant until) throws Exception {
        Map<String, Instant> firstFired = new LinkedHashMap<>();
        for (Instant t = from; !t.isAfter(until); t = t.plus(Duration.ofMinutes(30))) {
            clock.set(t);
            scheduler.runOnce();
            scheduler.runOnce(); // a second run at the same moment finds nothing left to do
            for (String rule : firedRules()) {
                firstFired.putIfAbsent(rule, t);
            }
        }
        return firstFired;
    }

    private List<String> firedRules() throws Exception {
        List<String> rules = new ArrayList<>();
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT rule_id, step_no FROM escalation ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rules.add(rs.getString(1) + "@" + rs.getInt(2));
            }
        }
        return rules;
    }

    /** How many outbox messages name each application, by recipient: "recipient trackingNumber" -> times. */
    private Map<String, Integer> timesNamed(List<String> numbers) throws Exception {
        Map<String, Integer> times = new java.util.HashMap<>();
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT recipient, body FROM outbox");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (String n : numbers) {
                    if (rs.getString(2).contains(n)) {
                        times.merge(rs.getString(1) + " " + n, 1, Integer::sum);
                    }
                }
            }
        }
        return times;
    }

    private long count(String sql) throws Exception {
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<ApplicationView.Step> escalations(ApplicationView view) {
        return view.history().stream().filter(s -> "escalate".equals(s.action())).toList();
    }

    @Test
    void remindersAndEscalationsFireOnceEachAtTheirMomentWhileTimeRunsThroughTheDeadlines() throws Exception {
        String n = submit();
        EscalationScheduler scheduler = scheduler(stores.escalations);
        // Due at the end of Friday 27 November in Kyiv (two working days to claim it).
        Map<String, Instant> fired = drive(scheduler, SUBMITTED, SUBMITTED.plus(Duration.ofDays(7)));

        assertEquals(Map.of(
                "platform:due-soon@0", Instant.parse("2026-11-25T22:00:00Z"),   // Thursday 00:00 Kyiv: 1 working day left
                "platform:unclaimed@0", Instant.parse("2026-11-26T22:00:00Z"),  // Thursday, a whole working day, passed
                "platform:overdue@0", Instant.parse("2026-11-27T22:00:00Z")),   // Friday ended
                fired);
        assertEquals(3, count("SELECT COUNT(*) FROM escalation"), "nothing fired twice in 672 runs");

        ApplicationView view = applications.application(ApplicationManagerTest.OLENA, n);
        List<ApplicationView.Step> steps = escalations(view);
        assertEquals(3, steps.size());
        assertEquals("platform", steps.get(0).actor());
        assertEquals("submitted", steps.get(2).status(), "an escalation is not a status change");
        assertEquals("Past the due date: the supervisor was notified, the application is marked escalated.",
                steps.get(2).note());
        assertEquals(Instant.parse("2026-11-27T22:00:00Z"), view.escalatedAt());
        assertEquals(3, count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalate' AND actor = 'platform:escalation'"));
        List<OutboxEntry> sent = stores.outbox.forApplication(n);
        assertEquals(List.of("cnap-7@testland.example", "cnap-7@testland.example", "head-7@testland.example",
                "+380501112233"), sent.stream().map(e -> e.message().recipient()).toList(),
                "the officials reminded twice (due soon, unclaimed), the supervisors told once, by e-mail and SMS");
        assertTrue(sent.get(0).message().subject().startsWith("Нагадування: звернення " + n), sent.get(0).message().subject());
        assertTrue(sent.get(0).message().body().contains("Строк: до 27.11.2026 23:59 (Київ)"), sent.get(0).message().body());
        assertTrue(sent.get(2).message().body().startsWith("Ескалація. Звернення " + n + " (послуга residence-registration) прострочене"),
                sent.get(2).message().body());
        assertEquals("Ескалація: звернення " + n + " прострочене (регіон testland)", sent.get(3).message().body(), "the SMS: the summary");
        assertTrue(stores.applications.verifyAudit().intact());
        List<ApplicationSummary> queue = applications.queue(ApplicationManagerTest.OLENA, List.of(), true, 50);
        assertEquals(List.of(n), queue.stream().map(ApplicationSummary::trackingNumber).toList());
        assertTrue(queue.get(0).isEscalated());

        // Claimed at last: a new step, so the mark goes and the in-review deadline's rules may fire, once each.
        applications.act(ApplicationManagerTest.OLENA, n, "claim", null);
        assertNull(applications.application(ApplicationManagerTest.OLENA, n).escalatedAt());
        assertEquals(List.of(), applications.queue(ApplicationManagerTest.OLENA, List.of(), true, 50));
        Instant claimedAt = clock.instant();
        Map<String, Instant> later = drive(scheduler, claimedAt, claimedAt.plus(Duration.ofDays(21)));
        assertEquals(Set.of("platform:due-soon@0", "platform:unclaimed@0", "platform:overdue@0",
                "platform:due-soon@1", "platform:overdue@1"), later.keySet());
        // Claimed on Wednesday 2 December (Kyiv): 10 working days end on Wednesday 16 December; one working day
        // before it is Tuesday 15 December from midnight.
        assertEquals(Instant.parse("2026-12-14T22:00:00Z"), later.get("platform:due-soon@1"));
        assertEquals(Instant.parse("2026-12-16T22:00:00Z"), later.get("platform:overdue@1"));
        assertEquals(5, count("SELECT COUNT(*) FROM escalation"));
        assertEquals(5, escalations(applications.application(ApplicationManagerTest.OLENA, n)).size());
        assertEquals(7, stores.outbox.forApplication(n).size(), "each reminder went out once more for the new step");
    }

    @Test
    void theServicesRulesWinPerTriggerThenTheRegionsThenThePlatforms() throws Exception {
        fixture.serviceRules = List.of(new EscalationRule("late", Trigger.OVERDUE, 1, Set.of(Action.NOTIFY_SUPERVISOR)));
        fixture.install(); // a plugin's rules are read when it arrives
        fixture.useRegionRules(List.of(
                new EscalationRule("fresh", Trigger.UNCLAIMED, 0, Set.of(Action.REMIND_AUTHORITY)),
                new EscalationRule("overdue", Trigger.OVERDUE, 0, Set.of(Action.MARK_ESCALATED))));
        String n = submit();

        Map<String, Instant> fired = drive(scheduler(stores.escalations), SUBMITTED, SUBMITTED.plus(Duration.ofDays(10)));

        assertEquals(Map.of(
                "region:fresh@0", Instant.parse("2026-11-25T22:00:00Z"),      // unclaimed: the region's
                "platform:due-soon@0", Instant.parse("2026-11-25T22:00:00Z"), // before-due: nobody else says
                "service:late@0", Instant.parse("2026-11-30T22:00:00Z")),     // overdue: the service's, a working day on
                fired);
        assertNull(applications.application(ApplicationManagerTest.OLENA, n).escalatedAt(),
                "the region's overdue rule (mark escalated) gave way to the service's");
    }

    /**
     * A service whose law gives one working day to take an application up: "one working day left" is true from the
     * moment each application arrives, so the due-soon reminder would go out at once for every application, telling
     * the officials nothing the new application did not. It fires only in a status with a longer term.
     */
    @Test
    void aDueSoonReminderIsNotSentInAStatusWhoseWholeTermIsNoLongerThanTheWarning() throws Exception {
        fixture.useWorkflow(Workflow.DEFAULT.withDeadlines(Map.of(Status.SUBMITTED, 1, Status.IN_REVIEW, 2)));
        String n = submit();
        EscalationScheduler scheduler = scheduler(stores.escalations);
        assertEquals(0, scheduler.run().read, "not even read while no rule can fire for it");
        clock.set(SUBMITTED.plus(Duration.ofDays(1)).plus(Duration.ofHours(1))); // Thursday, past the unclaimed horizon
        assertEquals(1, scheduler.run().read, "read as unclaimed");
        clock.set(SUBMITTED);

        Map<String, Instant> fired = drive(scheduler, SUBMITTED, SUBMITTED.plus(Duration.ofDays(4)));
        assertEquals(Set.of("platform:unclaimed@0", "platform:overdue@0"), fired.keySet(),
                "unclaimed and overdue still fire; due-soon does not, in a one-day status");
        // Submitted on Wednesday (Kyiv): one working day ends on Thursday at midnight.
        assertEquals(Instant.parse("2026-11-26T22:00:00Z"), fired.get("platform:unclaimed@0"));

        // Claimed on Sunday 29 November: two working days (Monday, Tuesday), so the warning on the day before the
        // due day comes after the claim, not with it.
        applications.act(ApplicationManagerTest.OLENA, n, "claim", null);
        Instant claimedAt = clock.instant();
        Map<String, Instant> later = drive(scheduler, claimedAt, claimedAt.plus(Duration.ofDays(4)));
        assertEquals(Instant.parse("2026-11-29T22:00:00Z"), later.get("platform:due-soon@1"),
                "from Monday 00:00 in Kyiv, the day before the due day");
        assertEquals(List.of("platform:unclaimed@0", "platform:overdue@0", "platform:due-soon@1", "platform:overdue@1"),
                firedRules(), "in the order they fired; no due-soon in the one-day status (step 0)");
    }

    /** Staff hear once per rule and run about all the applications it fired for, not once per application. */
    @Test
    void aRunTellsEachAddressOnceAboutEveryApplicationARuleFiredFor() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            numbers.add(submit());
        }
        drive(scheduler(stores.escalations, 500), SUBMITTED, SUBMITTED.plus(Duration.ofDays(3)));

        assertEquals(15, count("SELECT COUNT(*) FROM escalation"), "5 applications x 3 rules");
        List<String> subjects = new ArrayList<>();
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT recipient, subject FROM outbox ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                subjects.add(rs.getString(1) + ": " + rs.getString(2));
            }
        }
        assertEquals(List.of(
                "cnap-7@testland.example: Нагадування: 5 звернень мають бути опрацьовані незабаром (регіон testland)",
                "cnap-7@testland.example: Нагадування: 5 звернень не взяті в роботу (регіон testland)",
                "head-7@testland.example: Ескалація: 5 звернень прострочені (регіон testland)",
                "+380501112233: Ескалація: 5 звернень прострочені (регіон testland)"), subjects);
        assertEquals(Map.of(), timesNamed(numbers).entrySet().stream().filter(e -> e.getValue() != (
                e.getKey().startsWith("cnap-7") ? 2 : 1)).collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, Map.Entry::getValue)), "each application named in each message meant for it");
        assertEquals(15, timesNamed(numbers).values().stream().mapToInt(Integer::intValue).sum(),
                "named in the e-mails; the SMS is the summary alone");
        for (String n : numbers) {
            assertEquals(3, escalations(applications.application(ApplicationManagerTest.OLENA, n)).size(),
                    "each application's history has its own three entries");
        }
    }

    @Test
    void nothingIsEscalatedWhileTheServicesPluginIsNotInstalledHere() throws Exception {
        submit();
        fixture.plugins.type = null;
        drive(scheduler(stores.escalations), SUBMITTED.plus(Duration.ofDays(6)), SUBMITTED.plus(Duration.ofDays(7)));
        assertEquals(0, count("SELECT COUNT(*) FROM escalation"));
    }

    /** Two nodes (two scheduler instances, each with its own store on the one database) run at the same moments. */
    @Test
    void twoSchedulersOnOneDatabaseRunningTogetherDoNotDoubleFire() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            numbers.add(submit());
        }
        EscalationScheduler nodeA = scheduler(stores.escalations);
        EscalationScheduler nodeB = scheduler(stores.anotherNodesEscalations());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int recorded = 0;
        try {
            for (Instant t = SUBMITTED; t.isBefore(SUBMITTED.plus(Duration.ofDays(4))); t = t.plus(Duration.ofHours(2))) {
                clock.set(t);
                List<Future<Integer>> runs = new ArrayList<>();
                for (EscalationScheduler node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                    runs.add(threads.submit(node::runOnce));
                }
                for (Future<Integer> run : runs) {
                    recorded += run.get();
                }
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(36, recorded, "12 applications x 3 rules, each recorded by exactly one run");
        assertEquals(36, count("SELECT COUNT(*) FROM escalation"));
        assertEquals(36, count("SELECT COUNT(*) FROM application_event WHERE action = 'escalate'"));
        assertEquals(36, count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalate'"));
        // Each address hears of each application once per rule that named it, in digests of a page (3 here) each.
        Map<String, Integer> named = timesNamed(numbers);
        for (String n : numbers) {
            assertEquals(2, named.get("cnap-7@testland.example " + n), "reminded as due soon, then as unclaimed");
            assertEquals(1, named.get("head-7@testland.example " + n), "the supervisor told once it was overdue");
        }
        assertEquals(count("SELECT COUNT(*) FROM outbox WHERE recipient = 'head-7@testland.example'"),
                count("SELECT COUNT(*) FROM outbox WHERE recipient = '+380501112233'"), "and an SMS with each, once");
        long messages = count("SELECT COUNT(*) FROM outbox");
        assertTrue(messages <= 16, messages + " messages for 48 mentions: at most 4 pages x (2 reminders + 2 for the supervisor)");
        assertTrue(stores.applications.verifyAudit().intact());
        for (String n : numbers) {
            assertEquals(3, escalations(applications.application(ApplicationManagerTest.OLENA, n)).size());
        }
    }

    @Test
    void withoutAnAddressTheHistorySaysNobodyCouldBeTold() throws Exception {
        staff = StaffAddresses.parse(new String[] {"8 supervisors email:head-8@x.example"});
        String n = submit();
        drive(scheduler(stores.escalations), SUBMITTED.plus(Duration.ofDays(3)), SUBMITTED.plus(Duration.ofDays(3)));
        List<ApplicationView.Step> steps = escalations(applications.application(ApplicationManagerTest.OLENA, n));
        assertEquals(List.of("Not taken up by an official for 1 working day after submission: the authority's officials "
                + "could not be reminded (no address is configured).", "Past the due date: the supervisor could not be "
                + "notified (no address is configured), the application is marked escalated."),
                steps.stream().map(ApplicationView.Step::note).toList());
        assertEquals(List.of(), stores.outbox.forApplication(n));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaffAddresses.parse(new String[] {"89 bosses email:x@y.example"}));
        assertTrue(e.getMessage().contains("89 bosses"), e.getMessage());
    }

    @Test
    void platformRulesAreReadFromTheConfigurationAndAMistakeIsNamed() {
        EscalationRule rule = EscalationPolicy.parse(" stuck : unclaimed 3 -> remind-authority,notify-supervisor ");
        assertEquals("stuck", rule.id());
        assertEquals(Trigger.UNCLAIMED, rule.trigger());
        assertEquals(3, rule.workingDays());
        assertEquals(Set.of(Action.REMIND_AUTHORITY, Action.NOTIFY_SUPERVISOR), rule.actions());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EscalationScheduler.defaultRules(new String[] {"late: overdue 0 -> phone-the-minister"}));
        assertTrue(e.getMessage().contains("escalation.cfg") && e.getMessage().contains("phone-the-minister"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EscalationPolicy.parse("overdue -> mark-escalated"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> EscalationScheduler.defaultRules(
                new String[] {"remind: unclaimed 1 -> remind-authority; remind: before-due 1 -> remind-authority"}));
        assertTrue(twice.getMessage().contains("'remind'"), twice.getMessage());
    }

    @Test
    void aCitizensOwnDeadlineIsNotEscalatedToStaff() throws Exception {
        String n = submit();
        applications.act(ApplicationManagerTest.OLENA, n, "claim", null);
        applications.act(ApplicationManagerTest.OLENA, n, "request-information", WorkflowFixture.json("{\"questions\": [{\"field\": "
                + "\"/birthDate\", \"question\": \"?\"}]}"));
        String control = submit(); // left in review by the same official in the same runs: it must be escalated
        applications.act(ApplicationManagerTest.OLENA, control, "claim", null);
        drive(scheduler(stores.escalations), SUBMITTED, SUBMITTED.plus(Duration.ofDays(30)));
        assertEquals(List.of("platform:due-soon@1", "platform:overdue@1"), firedRules(),
                "the runs did escalate the one in review, and nothing in needs_information (step 2)");
        assertEquals(2, escalations(applications.application(ApplicationManagerTest.OLENA, control)).size());
        assertEquals(List.of(), escalations(applications.application(ApplicationManagerTest.OLENA, n)),
                "needs_information waits for the citizen");
    }

    /**
     * A plugin update that shortens a status's term without a new form version changes nothing for the applications
     * on that version: their reminders follow the workflow recorded with it, as their steps do.
     */
    @Test
    void remindersFollowTheWorkflowRecordedWithTheApplicationsFormVersion() throws Exception {
        try (Connection c = stores.dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE form_version SET workflow = ? "
                     + "WHERE service_code = 'residence-registration' AND form_version = '1.0'")) {
            ps.setString(1, WorkflowJson.write(Workflow.DEFAULT)); // 2 working days to claim
            assertEquals(1, ps.executeUpdate());
        }
        fixture.useWorkflow(Workflow.DEFAULT.withDeadlines(Map.of(Status.SUBMITTED, 1, Status.IN_REVIEW, 10)));
        submit();

        Map<String, Instant> fired = drive(scheduler(stores.escalations), SUBMITTED, SUBMITTED.plus(Duration.ofDays(3)));
        assertEquals(Instant.parse("2026-11-25T22:00:00Z"), fired.get("platform:due-soon@0"),
                "due at the end of Friday by the recorded 2 days: one working day left from Thursday 00:00 in Kyiv");
    }
}
