package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.ConcurrentChangeException;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.OutboxEntry;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.OutboxStore;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

class OutboxStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Set<String> ALL = Set.of("email", "sms");

    private JdbcApplicationStore applications;
    private JdbcOutboxStore outbox;
    private MigratedDatabase database;

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh();
        applications = new JdbcApplicationStore(database);
        outbox = new JdbcOutboxStore(database);
    }

    private static OutboxMessage mail(String text) {
        return new OutboxMessage("email", "taras@example.org", "Заява", text, null);
    }

    @Test
    void aClaimedMessageIsNobodyElsesUntilItsLeaseExpires() {
        long id = outbox.enqueue(mail("one"), NOW);

        assertEquals(List.of(id), ids(outbox.claim("node-a", ALL, NOW, LEASE, 10)));
        assertEquals(List.of(), outbox.claim("node-b", ALL, NOW.plusSeconds(60), LEASE, 10), "leased to node-a");

        // node-a died: its lease runs out and node-b takes the message over; node-a can no longer mark it.
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        assertEquals(List.of(id), ids(outbox.claim("node-b", ALL, later, LEASE, 10)));
        assertFalse(outbox.markSent(id, "node-a", later));
        assertTrue(outbox.markSent(id, "node-b", later));
        assertEquals(OutboxStore.SENT, outbox.find(id).orElseThrow().status());
        assertEquals(List.of(), outbox.claim("node-a", ALL, later.plus(LEASE).plus(LEASE), LEASE, 10), "sent stays sent");
    }

    /**
     * A batch on several channels is the longest due of all of them, in order of when each became due (then of id),
     * though each channel's are read apart; one message due later than a whole batch of another channel waits.
     */
    @Test
    void aBatchOnSeveralChannelsIsTheLongestDueOfAllInOrder() {
        long smsFirst = outbox.enqueue(new OutboxMessage("sms", "+380501234567", null, "1", null), NOW.minusSeconds(50));
        long mailSecond = outbox.enqueue(mail("2"), NOW.minusSeconds(40));
        long mailThird = outbox.enqueue(mail("3"), NOW.minusSeconds(30));
        long smsSameMoment = outbox.enqueue(new OutboxMessage("sms", "+380501234567", null, "4", null), NOW.minusSeconds(30));
        long mailLater = outbox.enqueue(mail("5"), NOW.minusSeconds(10));
        outbox.enqueue(mail("not due yet"), NOW.plusSeconds(10));

        assertEquals(List.of(smsFirst, mailSecond, mailThird, smsSameMoment),
                ids(outbox.claim("node-a", ALL, NOW, LEASE, 4)));
        assertEquals(List.of(mailLater), ids(outbox.claim("node-a", ALL, NOW, LEASE, 4)), "the rest of what is due");
        assertEquals(List.of(), outbox.claim("node-b", Set.of("sms"), NOW, LEASE, 4), "leased");
    }

    /**
     * The database fails as a batch's leases are committed, before the commit (nothing was leased) or after it (the
     * leases were taken and only the answer was lost): either way every message is free for another node at once,
     * not left to run out and be taken for a dead node's (in doubt, re-sent or checked though no channel saw them).
     */
    @Test
    void leasesTakenBeforeTheDatabaseFailedPartWayAreGivenBack() {
        for (boolean committed : List.of(false, true)) {
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(outbox.enqueue(mail("m" + i), NOW));
            }
            java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
            javax.sql.DataSource failingCommit = InterceptedConnections.of(database.jdbc().dataSource(),
                    (connection, method, args) -> {
                        if (method.equals("commit") && !failed.getAndSet(true)) {
                            if (committed) {
                                connection.commit();
                            }
                            throw new java.sql.SQLException("connection reset", "08006");
                        }
                        return InterceptedConnections.PROCEED;
                    });
            claimFails(failingCommit);
            assertTrue(failed.get());

            assertEquals(ids, ids(outbox.claim("node-b", ALL, NOW.plusSeconds(1), LEASE, 10)),
                    "every message free for another node at once, none in doubt (committed: " + committed + ")");
            ids.forEach(id -> assertNull(outbox.find(id).orElseThrow().doubt(), "not in doubt: " + id));
            ids.forEach(id -> assertTrue(outbox.markSent(id, "node-b", NOW.plusSeconds(2))));
        }
    }

    private void claimFails(javax.sql.DataSource failing) {
        Database breaking = new Database() {
            private final Jdbc jdbc = new Jdbc(failing);

            @Override
            public Jdbc jdbc() {
                return jdbc;
            }

            @Override
            public SqlDialect dialect() {
                return database.dialect();
            }
        };
        JdbcOutboxStore nodeA = new JdbcOutboxStore(breaking);
        assertThrows(RuntimeException.class, () -> nodeA.claim("node-a", ALL, NOW, LEASE, 10));
    }

    @Test
    void aLeaseStillHeldIsExtendedAndOneThatRanOutIsNot() {
        long first = outbox.enqueue(mail("one"), NOW);
        long second = outbox.enqueue(mail("two"), NOW);
        long third = outbox.enqueue(mail("three"), NOW);
        outbox.claim("node-a", ALL, NOW, LEASE, 2); // first and second
        Instant half = NOW.plus(LEASE.dividedBy(2));
        assertEquals(java.util.Set.of(first, second), outbox.renew("node-a", List.of(first, second, third), half, LEASE),
                "the third was never node-a's");
        assertEquals(List.of(third), ids(outbox.claim("node-b", ALL, NOW.plus(LEASE).plusSeconds(1), LEASE, 10)),
                "the extended leases hold past the first lease's end");
        assertEquals(java.util.Set.of(), outbox.renew("node-a", List.of(third), NOW.plus(LEASE).plusSeconds(1), LEASE));
        Instant afterAll = half.plus(LEASE).plusSeconds(1);
        assertEquals(java.util.Set.of(), outbox.renew("node-a", List.of(first, second), afterAll, LEASE),
                "ran out: not extended, since another node may hold them now");
        assertEquals(java.util.Set.of(), outbox.renew("node-a", List.of(), afterAll, LEASE));
    }

    /**
     * A round that ended early gives back its own leases, even after they ran out, but not one taken again since by
     * another lane of the same owner (a replaced channel's), which runs later: that lane may be sending the message.
     */
    @Test
    void aRoundGivesBackItsOwnLeasesButNotOnesTakenAgainSince() {
        long first = outbox.enqueue(mail("one"), NOW);
        long second = outbox.enqueue(mail("two"), NOW);
        outbox.claim("node-a", ALL, NOW, LEASE, 10);
        Instant roundsLease = NOW.plus(LEASE);
        Instant later = roundsLease.plusSeconds(1);
        assertEquals(List.of(first), ids(outbox.claim("node-a", Set.of("email"), later, LEASE, 1)),
                "the other lane takes the first again");

        assertEquals(1, outbox.releaseUnsent("node-a", List.of(first, second), roundsLease), "only the second");
        assertEquals(List.of(second), ids(outbox.claim("node-b", ALL, later, LEASE, 10)),
                "the second is due at once for any node; the first is still the other lane's");
        assertNull(outbox.find(second).orElseThrow().doubt(), "given back, so not in doubt");
    }

    /** What waits, longest first; what was sent, latest first (the first messages ever sent answer no question). */
    @Test
    void sentMessagesAreListedNewestFirstAndWaitingOnesOldestFirst() {
        long first = outbox.enqueue(mail("one"), NOW);
        long second = outbox.enqueue(mail("two"), NOW.plusSeconds(1));
        long third = outbox.enqueue(mail("three"), NOW.plusSeconds(2));
        outbox.enqueue(mail("four"), NOW.plusSeconds(3));
        for (OutboxEntry e : outbox.claim("node-a", ALL, NOW.plusSeconds(10), LEASE, 3)) {
            outbox.markSent(e.id(), "node-a", NOW.plusSeconds(10));
        }
        assertEquals(List.of(third, second, first), outbox.list(OutboxStore.SENT, 10).stream().map(OutboxEntry::id).toList());
        assertEquals(List.of(third), outbox.list(OutboxStore.SENT, 1).stream().map(OutboxEntry::id).toList());
        assertEquals(1, outbox.list(OutboxStore.PENDING, 10).size());
    }

    @Test
    void twoNodesClaimingAtOnceNeverShareAMessage() throws Exception {
        for (int i = 0; i < 60; i++) {
            outbox.enqueue(mail("m" + i), NOW);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<Long>>> nodes = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                String owner = "node-" + n;
                nodes.add(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<OutboxEntry> batch;
                    while (!(batch = outbox.claim(owner, ALL, NOW, LEASE, 5)).isEmpty()) {
                        for (OutboxEntry e : batch) {
                            assertTrue(outbox.markSent(e.id(), owner, NOW));
                            mine.add(e.id());
                        }
                    }
                    return mine;
                });
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : pool.invokeAll(nodes)) {
                all.addAll(f.get());
            }
            assertEquals(60, all.size(), "every message once");
            assertEquals(60, new HashSet<>(all).size(), "no message twice");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void onlyInstalledChannelsAreClaimedAndOthersWait() {
        long sms = outbox.enqueue(new OutboxMessage("sms", "+380501234567", null, "text", null), NOW);
        long email = outbox.enqueue(mail("one"), NOW);
        assertEquals(List.of(email), ids(outbox.claim("a", Set.of("email"), NOW, LEASE, 10)));
        assertEquals(List.of(sms), ids(outbox.claim("a", Set.of("email", "sms"), NOW, LEASE, 10)));
    }

    @Test
    void failuresRetryWhenDueThenGoDeadAndCanBeRequeued() {
        long id = outbox.enqueue(mail("one"), NOW);
        outbox.claim("a", ALL, NOW, LEASE, 1);
        assertTrue(outbox.markFailed(id, "a", "connection refused", NOW.plusSeconds(30)));
        OutboxEntry waiting = outbox.find(id).orElseThrow();
        assertEquals(1, waiting.attempts());
        assertEquals("connection refused", waiting.lastError());
        assertEquals(List.of(), outbox.claim("a", ALL, NOW.plusSeconds(29), LEASE, 1), "not due before its retry time");
        assertEquals(List.of(id), ids(outbox.claim("a", ALL, NOW.plusSeconds(30), LEASE, 1)));

        assertTrue(outbox.markFailed(id, "a", "still refused", null));
        assertEquals(OutboxStore.DEAD, outbox.find(id).orElseThrow().status());
        assertEquals(List.of(), outbox.claim("a", ALL, NOW.plusSeconds(3600), LEASE, 1), "dead is never claimed");
        assertEquals(1, outbox.summary().dead());
        assertEquals(0, outbox.summary().pending());

        assertTrue(outbox.retry(id, NOW.plusSeconds(4000), "staff:operator"));
        assertFalse(outbox.retry(id, NOW.plusSeconds(4000), "staff:operator"), "only a dead message is requeued");
        assertEquals(List.of("staff:operator retry-notification message " + id), audited(),
                "the operator's retry is on the audit trail, the refused one is not");
        OutboxEntry again = outbox.find(id).orElseThrow();
        assertEquals(OutboxStore.PENDING, again.status());
        assertEquals(0, again.attempts());
        assertEquals(List.of(id), ids(outbox.claim("b", ALL, NOW.plusSeconds(4000), LEASE, 1)));
    }

    @Test
    void aStoppingWorkerGivesItsLeasesBack() {
        long id = outbox.enqueue(mail("one"), NOW);
        outbox.claim("a", ALL, NOW, LEASE, 1);
        assertEquals(1, outbox.release("a"));
        assertEquals(List.of(id), ids(outbox.claim("b", ALL, NOW, LEASE, 1)), "at once, not after the lease");
        assertEquals(1, outbox.summary().pending());
        assertEquals(NOW, outbox.summary().oldestPending());
    }

    @Test
    void aStoppingWorkerKeepsTheLeasesOfMessagesItSentButCouldNotRecord() {
        long sentNotRecorded = outbox.enqueue(mail("one"), NOW);
        long other = outbox.enqueue(mail("two"), NOW);
        outbox.claim("a", ALL, NOW, LEASE, 2);
        assertEquals(1, outbox.release("a", Set.of(sentNotRecorded)));
        assertEquals(List.of(other), ids(outbox.claim("b", ALL, NOW, LEASE, 2)), "only the other, at once");
        assertTrue(outbox.markSent(other, "b", NOW));
        List<OutboxEntry> later = outbox.claim("b", ALL, NOW.plus(LEASE).plusSeconds(1), LEASE, 2);
        assertEquals(List.of(sentNotRecorded), ids(later));
        assertTrue(later.get(0).inDoubt(), "taken over after its lease ran out: in doubt");
    }

    @Test
    void aMessageWhoseLeaseRanOutIsInDoubtUntilSettled() {
        long died = outbox.enqueue(mail("taken by a node that died"), NOW);
        long failed = outbox.enqueue(mail("failed once"), NOW);
        long released = outbox.enqueue(mail("given back"), NOW);
        assertEquals(List.of(died, failed), ids(outbox.claim("a", ALL, NOW, LEASE, 2)));
        assertTrue(outbox.markFailed(failed, "a", "503", NOW.plusSeconds(1)));
        assertEquals(List.of(released), ids(outbox.claim("c", ALL, NOW, LEASE, 1)));
        assertEquals(1, outbox.release("c"));
        assertFalse(outbox.find(died).orElseThrow().inDoubt(), "held, not yet taken over");

        // node a dies holding 'died'; a failed attempt and a stop in order cleared their leases: not in doubt
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        List<OutboxEntry> taken = outbox.claim("b", ALL, later, LEASE, 10);
        assertEquals(List.of(died, failed, released), ids(taken));
        assertEquals(List.of(died), taken.stream().filter(OutboxEntry::inDoubt).map(OutboxEntry::id).toList());
        assertEquals(1, outbox.summary().inDoubt());

        // still in doubt after b's check failed, and after b gave it back, until a delivery settles it
        assertTrue(outbox.markFailed(died, "b", "journal unreachable", later));
        assertTrue(outbox.claim("b", ALL, later, LEASE, 1).get(0).inDoubt());
        assertEquals(3, outbox.release("b"));
        List<OutboxEntry> givenBack = outbox.claim("d", ALL, later, LEASE, 10);
        assertEquals(List.of(died), givenBack.stream().filter(OutboxEntry::inDoubt).map(OutboxEntry::id).toList());
        assertTrue(outbox.markSent(died, "d", later, OutboxStore.CONFIRMED, "in doubt; the channel had it: not sent again"));
        OutboxEntry settled = outbox.find(died).orElseThrow();
        assertEquals(OutboxStore.SENT, settled.status());
        assertEquals(OutboxStore.CONFIRMED, settled.doubt());
        assertFalse(settled.inDoubt());
        assertEquals("in doubt; the channel had it: not sent again", settled.lastError());

        assertTrue(outbox.markSent(failed, "d", later));
        assertTrue(outbox.markSent(released, "d", later, OutboxStore.RESENT, null));
        assertEquals(null, outbox.find(failed).orElseThrow().doubt());
        assertEquals(null, outbox.find(failed).orElseThrow().lastError(), "a delivery clears the last error");
        assertEquals(0, outbox.summary().inDoubt());
        assertEquals(1, outbox.summary().confirmed());
        assertEquals(1, outbox.summary().resent());
    }

    @Test
    void messagesAreWrittenWithTheStepOrNotAtAll() {
        StoredApplication app = applications.insert(new NewApplication("residence-registration", "lviv", 1, 29, 100,
                "1.0", "0.1.0", "{}", new StatusChange("submitted", NOW, "dev:taras", "submit", null, null),
                "dev:taras", 12, null, 0), n -> "1-" + n, new AuditEntry(NOW, "dev:taras", "submit", null, null),
                new CitizenContact("taras@example.org", "+380501234567", "en"),
                tn -> List.of(new OutboxMessage("email", "taras@example.org", "Submitted", "Your " + tn, tn)));
        String tn = app.trackingNumber();
        assertEquals("Your " + tn, outbox.forApplication(tn).get(0).message().body());
        assertEquals(new CitizenContact("taras@example.org", "+380501234567", "en"), applications.contact(tn).orElseThrow());

        StateChange claim = new StateChange(app.version(), "in_review", null, "olena", null, null,
                new StatusChange("in_review", NOW, "olena", "claim", null, null), new AuditEntry(NOW, "olena", "claim", tn, null));
        applications.change(tn, claim, List.of(new OutboxMessage("email", "taras@example.org", "In review", "b", tn)));
        assertEquals(2, outbox.forApplication(tn).size());

        // The same step again is stale: refused, and its message is not written either.
        assertThrows(ConcurrentChangeException.class, () -> applications.change(tn, claim,
                List.of(new OutboxMessage("email", "taras@example.org", "Stale", "c", tn))));
        assertEquals(List.of("Submitted", "In review"),
                outbox.forApplication(tn).stream().map(e -> e.message().subject()).toList());

        // A failure inside the insert (the message cannot be built) rolls the whole application back.
        long before = applications.countApplications();
        assertThrows(IllegalStateException.class, () -> applications.insert(new NewApplication("residence-registration",
                "lviv", 1, 29, 100, "1.0", "0.1.0", "{}", new StatusChange("submitted", NOW, "dev:taras", "submit", null, null)),
                n -> "1-" + n, new AuditEntry(NOW, "dev:taras", "submit", null, null), null, t -> {
                    throw new IllegalStateException("no template");
                }));
        assertEquals(before, applications.countApplications());
        assertEquals(2, outbox.summary().pending());
    }

    /** The audit trail, "actor action detail" per entry, in the order written. */
    private List<String> audited() {
        return database.jdbc().read("read the audit trail", c -> {
            List<String> lines = new ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT actor, action, detail FROM audit_log ORDER BY occurred_at, chain, seq")) {
                while (rs.next()) {
                    lines.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return lines;
        });
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        List<Long> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.id()));
        Collections.sort(ids);
        return ids;
    }

    @Test
    void anOperatorSendsWaitingMessagesNowExceptWhatANodeHolds() {
        long waiting = outbox.enqueue(mail("one"), NOW);
        outbox.claim("a", ALL, NOW, LEASE, 1);
        assertTrue(outbox.markFailed(waiting, "a", "connection refused", NOW.plusSeconds(600)));
        long held = outbox.enqueue(mail("two"), NOW);
        outbox.claim("b", ALL, NOW.plusSeconds(1), LEASE, 5); // takes "two" (due), not "one" (waits)
        long later = outbox.enqueue(mail("three"), NOW);
        outbox.claim("a", ALL, NOW.plusSeconds(2), LEASE, 5);
        assertTrue(outbox.markFailed(later, "a", "timeout", NOW.plusSeconds(900)));

        assertEquals(1, outbox.sendNow(waiting, NOW.plusSeconds(10), "staff:operator"), "the one asked for");
        assertEquals(NOW.plusSeconds(10), outbox.find(waiting).orElseThrow().nextAttemptAt());
        assertEquals(1, outbox.find(waiting).orElseThrow().attempts(), "attempts are kept");
        assertEquals(NOW.plusSeconds(900), outbox.find(later).orElseThrow().nextAttemptAt(), "not the others");
        assertEquals(1, outbox.sendNow(null, NOW.plusSeconds(10), "staff:olha"), "every other waiting one, not the one node b holds");
        assertEquals(0, outbox.sendNow(held, NOW.plusSeconds(10), "staff:olha"));
        assertEquals(Set.of("staff:operator send-notifications-now message " + waiting,
                "staff:olha send-notifications-now 1 waiting messages"), Set.copyOf(audited()),
                "what made nothing due is not recorded");
        assertEquals(2, audited().size());
        assertEquals(List.of(waiting, later), ids(outbox.claim("c", ALL, NOW.plusSeconds(10), LEASE, 5)));
    }
}
