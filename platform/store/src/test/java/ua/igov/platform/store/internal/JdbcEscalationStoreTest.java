package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.Escalation;
import ua.igov.platform.store.EscalationCandidate;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

/** The escalation table and queries, on Derby and (under the postgresql profile) on PostgreSQL. */
class JdbcEscalationStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private MigratedDatabase database;
    private JdbcApplicationStore applications;
    private JdbcEscalationStore escalations;

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh();
        applications = new JdbcApplicationStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
        escalations = new JdbcEscalationStore(database);
    }

    private StoredApplication submit(Instant submittedAt, Instant due) {
        return submit(applications, submittedAt, due);
    }

    /** A submitted application of authority 7, due at {@code due}. */
    static StoredApplication submit(JdbcApplicationStore applications, Instant submittedAt, Instant due) {
        NewApplication app = new NewApplication("residence-registration", "testland", 1, 29, 100, "1.0", "0.1.0",
                "{\"a\":1}", new StatusChange("submitted", submittedAt, "citizen", "submit", null, null), "dev:taras", 7,
                due, 0);
        return applications.insert(app, n -> "1-" + n, new AuditEntry(submittedAt, "citizen", "submit", null, null));
    }

    private static Escalation escalation(EscalationCandidate app, String rule, boolean mark, Instant at) {
        return new Escalation(app, rule, "overdue", "notify-supervisor" + (mark ? ",mark-escalated" : ""), mark,
                new StatusChange(app.status(), at, "platform", "escalate", "overdue", "{\"rule\":\"" + rule + "\"}"),
                new AuditEntry(at, "platform:escalation", "escalate", app.trackingNumber(), rule),
                List.of(new OutboxMessage("email", "head-7@example.org", "Звернення " + app.trackingNumber(),
                        "Прострочене: " + app.trackingNumber(), app.trackingNumber())));
    }

    private EscalationCandidate candidate(StoredApplication app) {
        return escalations.dueBy(app.status(), NOW.plus(Duration.ofDays(3650)), null, 10_000).stream()
                .filter(c -> c.id() == app.id()).findFirst().orElseThrow();
    }

    private long count(String sql) throws Exception {
        try (Connection c = database.jdbc().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void onlyApplicationsNearTheirDeadlineOrUnclaimedAreFoundAndPagedByTimeThenId() {
        StoredApplication late = submit(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(1)));
        StoredApplication dueSoon = submit(NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(20)));
        StoredApplication farOff = submit(NOW, NOW.plus(Duration.ofDays(30)));
        StoredApplication noDeadline = submit(NOW.minus(Duration.ofDays(9)), null);
        StoredApplication laterButMoreLate = submit(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(2)));
        StoredApplication sameDueAsLate = submit(NOW.minus(Duration.ofDays(4)), NOW.minus(Duration.ofDays(1)));

        Instant dueBy = NOW.plus(Duration.ofDays(1));
        assertEquals(List.of(laterButMoreLate.id(), late.id(), sameDueAsLate.id(), dueSoon.id()),
                ids(escalations.dueBy("submitted", dueBy, null, 10)), "by due date, then by id");
        List<EscalationCandidate> first = escalations.dueBy("submitted", dueBy, null, 2);
        assertEquals(List.of(laterButMoreLate.id(), late.id()), ids(first));
        assertEquals(List.of(sameDueAsLate.id(), dueSoon.id()), ids(escalations.dueBy("submitted", dueBy, first.get(1), 2)),
                "the next page starts after the last one read: the same due date with a higher id, then later ones");
        assertEquals(List.of(), escalations.dueBy("submitted", dueBy, escalations.dueBy("submitted", dueBy, null, 10).get(3), 2));
        assertEquals(List.of(), escalations.dueBy("in_review", dueBy, null, 10));

        assertEquals(List.of(dueSoon.id()), ids(escalations.dueBetween("submitted", Set.of("residence-registration", "other"),
                NOW, dueBy, null, 10)), "not yet due, due within the day: not the late ones, not the far-off one");
        assertEquals(List.of(), escalations.dueBetween("submitted", Set.of("other"), NOW, dueBy, null, 10));
        assertEquals(List.of(), escalations.dueBetween("submitted", Set.of(), NOW, dueBy, null, 10));
        EscalationCandidate soon = escalations.dueBetween("submitted", Set.of("residence-registration"), NOW, dueBy, null, 1).get(0);
        assertEquals(List.of(), escalations.dueBetween("submitted", Set.of("residence-registration"), NOW, dueBy, soon, 10),
                "the next page starts after the last one read");

        List<EscalationCandidate> unclaimed = escalations.unclaimedSince(NOW.minus(Duration.ofDays(2)), null, 10);
        assertEquals(List.of(noDeadline.id(), late.id(), sameDueAsLate.id(), laterButMoreLate.id()), ids(unclaimed),
                "by submission time, then by id");
        assertEquals(0, unclaimed.get(0).step());
        assertEquals(NOW.minus(Duration.ofDays(9)), unclaimed.get(0).submittedAt());
        assertEquals(List.of(sameDueAsLate.id(), laterButMoreLate.id()),
                ids(escalations.unclaimedSince(NOW.minus(Duration.ofDays(2)), unclaimed.get(1), 10)));
        assertTrue(farOff.id() > 0);
    }

    /** Small pages through a backlog with many applications due, and submitted, at the same moments. */
    @Test
    void pagingThroughABacklogReadsEachApplicationOnceInOrder() {
        List<StoredApplication> backlog = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            backlog.add(submit(NOW.minus(Duration.ofDays(10 + i % 3)), NOW.minus(Duration.ofHours(1 + (i * 7) % 4))));
        }
        List<Long> byDue = backlog.stream().sorted(java.util.Comparator.comparing(StoredApplication::dueAt)
                .thenComparing(StoredApplication::id)).map(StoredApplication::id).toList();
        List<Long> bySubmission = backlog.stream().sorted(java.util.Comparator.comparing(StoredApplication::submittedAt)
                .thenComparing(StoredApplication::id)).map(StoredApplication::id).toList();
        for (int pageSize : new int[] {1, 7, 15, 59, 60, 61}) {
            assertEquals(byDue, readAll(after -> escalations.dueBy("submitted", NOW, after, pageSize)), "page " + pageSize);
            assertEquals(byDue, readAll(after -> escalations.dueBetween("submitted", Set.of("residence-registration"),
                    NOW.minus(Duration.ofDays(1)), NOW, after, pageSize)), "page " + pageSize);
            assertEquals(bySubmission, readAll(after -> escalations.unclaimedSince(NOW, after, pageSize)), "page " + pageSize);
        }
    }

    private static List<Long> readAll(java.util.function.Function<EscalationCandidate, List<EscalationCandidate>> pages) {
        List<Long> ids = new java.util.ArrayList<>();
        EscalationCandidate after = null;
        for (List<EscalationCandidate> page = pages.apply(null); !page.isEmpty(); page = pages.apply(after)) {
            ids.addAll(ids(page));
            after = page.get(page.size() - 1);
        }
        return ids;
    }

    private static List<Long> ids(List<EscalationCandidate> candidates) {
        return candidates.stream().map(EscalationCandidate::id).toList();
    }

    @Test
    void anEscalationIsRecordedOnceWithItsHistoryAuditAndMark() throws Exception {
        StoredApplication app = submit(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(1)));
        EscalationCandidate candidate = candidate(app);

        assertTrue(escalations.escalate(escalation(candidate, "platform:overdue", true, NOW)));
        assertFalse(escalations.escalate(escalation(candidate, "platform:overdue", true, NOW.plusSeconds(60))),
                "the same rule in the same step fires once");

        StoredApplication read = applications.findByTrackingNumber(app.trackingNumber()).orElseThrow();
        assertEquals(NOW, read.escalatedAt());
        assertEquals(2, read.history().size());
        assertEquals("escalate", read.history().get(1).action());
        assertEquals("submitted", read.history().get(1).status(), "an escalation does not change the status");
        assertEquals(0, read.version(), "an official's step read before the escalation still applies");
        assertEquals(1, count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalate'"));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox WHERE recipient = 'head-7@example.org' AND status = 'pending'"),
                "the supervisor's message went into the outbox with the escalation, once");
        assertTrue(applications.verifyAudit().intact());
        assertEquals(Set.of("platform:overdue"), escalations.fired(List.of(candidate)).get(app.id()));
        assertEquals(List.of(app.trackingNumber()), applications.queue(Set.of(7), Set.of("submitted"), true, 10).stream()
                .map(StoredApplication::trackingNumber).toList());
    }

    @Test
    void aNewStatusIsANewStepThatClearsTheMarkAndLetsRulesFireAgain() throws Exception {
        StoredApplication app = submit(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(1)));
        EscalationCandidate submitted = candidate(app);
        assertTrue(escalations.escalate(escalation(submitted, "platform:overdue", true, NOW)));
        StoredApplication escalated = applications.findByTrackingNumber(app.trackingNumber()).orElseThrow();

        StoredApplication claimed = applications.change(app.trackingNumber(), new StateChange(escalated.version(),
                "in_review", NOW.minus(Duration.ofHours(1)), "olena", null, null,
                new StatusChange("in_review", NOW, "olena", "claim", null, null),
                new AuditEntry(NOW, "olena", "claim", app.trackingNumber(), null)));
        assertNull(claimed.escalatedAt(), "the mark belongs to the step it was made in");
        assertEquals(List.of(), applications.queue(Set.of(7), Set.of("in_review"), true, 10));

        assertFalse(escalations.escalate(escalation(submitted, "platform:late", false, NOW)),
                "an escalation decided on the old step is not recorded");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"), "and sends nothing");
        EscalationCandidate inReview = candidate(claimed);
        assertEquals(1, inReview.step());
        assertTrue(escalations.fired(List.of(inReview)).isEmpty());
        assertTrue(escalations.escalate(escalation(inReview, "platform:overdue", false, NOW)));
        assertNull(applications.findByTrackingNumber(app.trackingNumber()).orElseThrow().escalatedAt());
        assertEquals(2, count("SELECT COUNT(*) FROM escalation"));

        StoredApplication reassigned = applications.findByTrackingNumber(app.trackingNumber()).orElseThrow();
        applications.change(app.trackingNumber(), new StateChange(reassigned.version(), "in_review", reassigned.dueAt(),
                "petro", null, null, new StatusChange("in_review", NOW, "oksana", "reassign", null, null),
                new AuditEntry(NOW, "oksana", "reassign", app.trackingNumber(), null)));
        assertEquals(1, candidate(reassigned).step(), "the same status is the same step");
    }

    private List<EscalationCandidate> overdue(int count) {
        List<EscalationCandidate> candidates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            candidates.add(candidate(submit(NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofDays(1)))));
        }
        return candidates;
    }

    /** What one node does in a race: its own store on the shared database, its index (0 or 1), the shared start. */
    private interface NodeWork {
        int run(JdbcEscalationStore node, int which, CyclicBarrier together) throws Exception;
    }

    /** Two nodes (each its own store on the one database) doing their work at once; what they recorded in all. */
    private int twoNodesAtOnce(NodeWork work) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int which = 0; which < 2; which++) {
                JdbcEscalationStore node = new JdbcEscalationStore(database);
                int index = which;
                results.add(threads.submit((Callable<Integer>) () -> work.run(node, index, together)));
            }
            return results.get(0).get() + results.get(1).get();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Two scheduler nodes on one database decide the same escalations at the same moment, many times over. */
    @Test
    void twoNodesRacingForTheSameEscalationsRecordEachOnce() throws Exception {
        List<EscalationCandidate> candidates = overdue(20);
        int recorded = twoNodesAtOnce((node, which, together) -> {
            int mine = 0;
            for (int round = 0; round < 5; round++) {
                for (EscalationCandidate c : candidates) {
                    together.await();
                    for (String rule : List.of("platform:overdue", "region:late")) {
                        mine += node.escalate(escalation(c, rule, true, NOW)) ? 1 : 0;
                    }
                }
            }
            return mine;
        });
        assertEquals(40, recorded, "each application and rule fired once, on one node or the other");
        assertEquals(40, count("SELECT COUNT(*) FROM escalation"));
        assertEquals(40, count("SELECT COUNT(*) FROM application_event WHERE action = 'escalate'"));
        assertEquals(40, count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalate'"));
        assertEquals(40, count("SELECT COUNT(*) FROM outbox"), "one message per escalation, none from the losing node");
        assertTrue(applications.verifyAudit().intact());
        assertNotNull(applications.findByTrackingNumber(candidates.get(0).trackingNumber()).orElseThrow().escalatedAt());
    }

    /** A digest: what the group records, and only that, is told in the messages written with it. */
    private static List<OutboxMessage> digest(List<Escalation> recorded) {
        StringBuilder body = new StringBuilder();
        recorded.forEach(e -> body.append(e.application().trackingNumber()).append('\n'));
        return List.of(new OutboxMessage("email", "head-7@example.org", recorded.size() + " overdue", body.toString(), null));
    }

    private static Escalation silent(EscalationCandidate app, String rule) {
        Escalation e = escalation(app, rule, true, NOW);
        return new Escalation(e.application(), e.ruleKey(), e.trigger(), e.actions(), e.mark(), e.event(), e.audit());
    }

    @Test
    void aGroupRecordsWhatIsStillDueSkipsTheRestAndWritesOneDigestOfWhatItRecorded() throws Exception {
        List<EscalationCandidate> apps = overdue(4);
        assertTrue(escalations.escalate(silent(apps.get(1), "platform:overdue")), "another node was first for one");
        StoredApplication claimed = applications.findByTrackingNumber(apps.get(2).trackingNumber()).orElseThrow();
        applications.change(claimed.trackingNumber(), new StateChange(claimed.version(), "in_review",
                NOW.plus(Duration.ofDays(10)), "olena", null, null,
                new StatusChange("in_review", NOW, "olena", "claim", null, null),
                new AuditEntry(NOW, "olena", "claim", claimed.trackingNumber(), null)));
        long auditBefore = count("SELECT COUNT(*) FROM audit_log");

        List<Escalation> group = new ArrayList<>();
        for (int i = apps.size() - 1; i >= 0; i--) { // out of order: the store takes the rows in id order anyway
            group.add(silent(apps.get(i), "platform:overdue"));
        }
        List<List<String>> toldAbout = new ArrayList<>();
        List<Escalation> recorded = escalations.escalateAll(group, r -> {
            toldAbout.add(r.stream().map(e -> e.application().trackingNumber()).toList());
            return digest(r);
        });

        List<String> expected = List.of(apps.get(0).trackingNumber(), apps.get(3).trackingNumber());
        assertEquals(expected, recorded.stream().map(e -> e.application().trackingNumber()).toList());
        assertEquals(expected, toldAbout.get(toldAbout.size() - 1), "the digest names only what was recorded");
        assertEquals(2, count("SELECT COUNT(*) FROM escalation WHERE rule_id = 'platform:overdue' AND application_id IN ("
                + apps.get(0).id() + ", " + apps.get(3).id() + ")"));
        assertEquals(3, count("SELECT COUNT(*) FROM escalation"), "the one recorded before, and the two now");
        assertEquals(auditBefore + 2, count("SELECT COUNT(*) FROM audit_log"));
        assertEquals(3, count("SELECT COUNT(*) FROM application_event WHERE action = 'escalate'"));
        assertNull(applications.findByTrackingNumber(apps.get(2).trackingNumber()).orElseThrow().escalatedAt(),
                "the claimed one is not marked: it left the step");
        assertNotNull(applications.findByTrackingNumber(apps.get(3).trackingNumber()).orElseThrow().escalatedAt());
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"));
        assertEquals(1, count("SELECT COUNT(*) FROM outbox WHERE subject = '2 overdue' AND tracking_number IS NULL"));
        assertTrue(applications.verifyAudit().intact());

        assertEquals(List.of(), escalations.escalateAll(group, r -> { throw new AssertionError("nothing to tell"); }),
                "run again, the whole group was recorded before: nothing written, nobody told");
        assertEquals(1, count("SELECT COUNT(*) FROM outbox"));
    }

    /** Two nodes record overlapping groups at the same moment: each escalation once, each told of once. */
    @Test
    void twoNodesRacingWithGroupsRecordAndTellEachOnce() throws Exception {
        List<EscalationCandidate> apps = overdue(30);
        int recorded = twoNodesAtOnce((node, which, together) -> {
            int mine = 0;
            for (int from = 0; from < apps.size(); from += 10) {
                List<Escalation> group = new ArrayList<>();
                for (EscalationCandidate c : apps.subList(from, from + 10)) {
                    group.add(silent(c, "platform:overdue"));
                    group.add(silent(c, "region:late"));
                }
                if (which == 1) {
                    java.util.Collections.reverse(group); // the store must put them in id order itself
                }
                together.await();
                mine += node.escalateAll(group, JdbcEscalationStoreTest::digest).size();
            }
            return mine;
        });
        assertEquals(60, recorded, "30 applications x 2 rules, once each");
        assertEquals(60, count("SELECT COUNT(*) FROM escalation"));
        assertEquals(60, count("SELECT COUNT(*) FROM audit_log WHERE action = 'escalate'"));
        long mentions = 0;
        try (Connection c = database.jdbc().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM outbox"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                mentions += rs.getString(1).lines().count();
            }
        }
        assertEquals(60, mentions, "every escalation in exactly one digest");
        assertTrue(count("SELECT COUNT(*) FROM outbox") <= 6, "at most one digest per group recorded");
        assertTrue(applications.verifyAudit().intact());
    }
}
