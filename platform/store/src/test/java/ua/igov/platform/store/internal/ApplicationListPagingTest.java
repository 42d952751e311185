package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.ListPosition;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.QueueQuery;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

/** Lists read a page at a time: on Derby and (under the postgresql profile) on PostgreSQL. */
class ApplicationListPagingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    /** A deadline with a fraction of a second, as the platform writes them (the end of a day, .999). */
    private static final Instant DUE = Instant.parse("2026-11-27T21:59:59.999Z");

    private MigratedDatabase database;
    private JdbcApplicationStore store;

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh();
        store = new JdbcApplicationStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private StoredApplication submit(String owner, Instant submittedAt, Instant due) {
        NewApplication app = new NewApplication("residence-registration", "testland", 1, 29, 100, "1.0", "0.1.0",
                "{\"a\":1}", new StatusChange("submitted", submittedAt, "citizen", "submit", null, null), owner, 7,
                due, 0);
        return store.insert(app, n -> "1-" + n, new AuditEntry(submittedAt, owner, "submit", null, null));
    }

    /** Every page of size {@code size}, each starting after the last row of the one before, concatenated. */
    private static List<Long> walk(Function<ListPosition, List<StoredApplication>> page, int size,
                                   Function<StoredApplication, Instant> sortedOn) {
        List<Long> seen = new ArrayList<>();
        ListPosition after = null;
        for (int pages = 0; pages < 1000; pages++) {
            List<StoredApplication> rows = page.apply(after);
            rows.forEach(row -> seen.add(row.id()));
            if (rows.size() < size) {
                return seen;
            }
            StoredApplication last = rows.get(rows.size() - 1);
            after = new ListPosition(sortedOn.apply(last), last.id());
        }
        throw new AssertionError("the pages never ended: " + seen);
    }

    @Test
    void theQueueWalkedAPageAtATimeShowsEveryApplicationOnceInDeadlineOrder() {
        // ties on one deadline, applications with no deadline (they come last), one earlier than all
        List<Instant> deadlines = new ArrayList<>();
        for (Instant due : new Instant[] {DUE, DUE, DUE.plusSeconds(60), null, DUE, null, DUE.minusMillis(1), DUE}) {
            deadlines.add(due);
            submit("dev:taras", NOW, due);
        }
        List<Long> whole = store.queue(new QueueQuery(Set.of(7), Set.of("submitted"), null, null, 100)).stream()
                .map(StoredApplication::id).toList();
        assertEquals(deadlines.size(), whole.size());
        for (int size : new int[] {1, 2, 3, 5}) {
            assertEquals(whole, walk(after -> store.queue(new QueueQuery(Set.of(7), Set.of("submitted"), null, after,
                    size)), size, StoredApplication::dueAt), "pages of " + size);
        }
        List<StoredApplication> rows = store.queue(new QueueQuery(Set.of(7), Set.of("submitted"), null, null, 100));
        assertEquals(DUE.minusMillis(1), rows.get(0).dueAt(), "the most urgent first");
        assertEquals(null, rows.get(rows.size() - 1).dueAt(), "no deadline last");
        assertEquals(null, rows.get(rows.size() - 2).dueAt());
        assertTrue(rows.get(1).id() < rows.get(2).id(), "a tie by id");
    }

    /** A colleague claims the last application of the page just read: the next page goes on after where it was. */
    @Test
    void aPageStartsWhereThePreviousEndedEvenIfThatApplicationMovedOn() {
        List<StoredApplication> apps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            apps.add(submit("dev:taras", NOW, DUE.plusSeconds(i)));
        }
        List<StoredApplication> first = store.queue(new QueueQuery(Set.of(7), Set.of("submitted"), null, null, 2));
        StoredApplication last = first.get(1);
        store.change(last.trackingNumber(), new StateChange(last.version(), "in_review", DUE.plusSeconds(3600), "olena",
                null, null, new StatusChange("in_review", NOW, "olena", "claim", null, null),
                new AuditEntry(NOW, "olena", "claim", last.trackingNumber(), null)));

        List<StoredApplication> next = store.queue(new QueueQuery(Set.of(7), Set.of("submitted"), null,
                new ListPosition(last.dueAt(), last.id()), 2));
        assertEquals(List.of(apps.get(2).id(), apps.get(3).id()), next.stream().map(StoredApplication::id).toList());
    }

    @Test
    void escalatedFalseIsTheApplicationsNotMarked() throws Exception {
        StoredApplication marked = submit("dev:taras", NOW, DUE);
        StoredApplication plain = submit("dev:taras", NOW, DUE);
        try (var c = database.jdbc().dataSource().getConnection(); var ps = c.prepareStatement(
                "UPDATE application SET escalated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
            ps.setLong(1, marked.id());
            assertEquals(1, ps.executeUpdate());
        }
        Function<Boolean, List<Long>> queue = escalated -> store.queue(new QueueQuery(Set.of(7), Set.of("submitted"),
                escalated, null, 10)).stream().map(StoredApplication::id).toList();
        assertEquals(List.of(marked.id()), queue.apply(true));
        assertEquals(List.of(plain.id()), queue.apply(false));
        assertEquals(List.of(marked.id(), plain.id()), queue.apply(null));
    }

    /**
     * Several authorities and statuses, ties on a deadline across them, some without a deadline, some marked
     * escalated: every page size gives the queue's applications once each, in deadline order, whether the page is read
     * in (authority, status) parts or, past {@link QueueStatement#MAX_PARTS} of them, as one sorted set.
     */
    @Test
    void aQueueOfManyAuthoritiesAndStatusesWalkedAPageAtATimeIsInDeadlineOrder() throws Exception {
        String[] statuses = {"submitted", "in_review", "approved", "needs_information"};
        Instant[] deadlines = {DUE, null, DUE.plusSeconds(60), DUE, DUE.minusMillis(1), null, DUE};
        List<Object[]> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 200; i++) {
            StoredApplication app = submit("dev:taras", NOW, deadlines[random.nextInt(deadlines.length)]);
            int authority = 7 + random.nextInt(14);
            String status = statuses[random.nextInt(statuses.length)];
            boolean escalated = random.nextInt(4) == 0;
            try (var c = database.jdbc().dataSource().getConnection(); var ps = c.prepareStatement(
                    "UPDATE application SET authority_id = ?, status = ?, escalated_at = "
                            + (escalated ? "CURRENT_TIMESTAMP" : "NULL") + " WHERE id = ?")) {
                ps.setInt(1, authority);
                ps.setString(2, status);
                ps.setLong(3, app.id());
                assertEquals(1, ps.executeUpdate());
            }
            rows.add(new Object[] {app.id(), authority, status, app.dueAt(), escalated});
        }
        record Asked(Set<Integer> authorities, Set<String> statuses, Boolean escalated) { }
        List<Asked> asked = List.of(new Asked(Set.of(7), Set.of("submitted", "in_review"), null),
                new Asked(Set.of(7, 8, 9), Set.of("submitted", "in_review", "approved"), null),
                new Asked(Set.of(8, 10), Set.of("in_review", "needs_information"), true),
                new Asked(Set.of(7, 11), Set.of("approved", "submitted"), false),
                new Asked(java.util.stream.IntStream.range(7, 21).boxed().collect(java.util.stream.Collectors.toSet()),
                        Set.of(statuses), null));
        assertTrue(asked.get(asked.size() - 1).authorities().size() * statuses.length > QueueStatement.MAX_PARTS);
        for (Asked a : asked) {
            List<Long> expected = rows.stream()
                    .filter(r -> a.authorities().contains((Integer) r[1]) && a.statuses().contains((String) r[2])
                            && (a.escalated() == null || a.escalated().equals(r[4])))
                    .sorted(java.util.Comparator.comparing((Object[] r) -> (Instant) r[3],
                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                            .thenComparing(r -> (Long) r[0]))
                    .map(r -> (Long) r[0]).toList();
            assertTrue(expected.size() >= 2, a + " finds something to page through");
            for (int size : new int[] {1, 2, 3, 7, 100}) {
                assertEquals(expected, walk(after -> store.queue(new QueueQuery(a.authorities(), a.statuses(),
                        a.escalated(), after, size)), size, StoredApplication::dueAt), a + ", pages of " + size);
            }
        }
    }

    @Test
    void aCitizensListWalkedAPageAtATimeShowsEveryApplicationOnceNewestFirst() {
        Instant[] times = {NOW, NOW.plusNanos(1000), NOW, NOW.minusSeconds(60), NOW.plusNanos(1000), NOW};
        for (Instant at : times) {
            submit("dev:taras", at, DUE);
        }
        submit("dev:lesya", NOW, DUE);
        List<Long> whole = store.findByOwner("dev:taras", null, 100).stream().map(StoredApplication::id).toList();
        assertEquals(times.length, whole.size(), "only hers");
        for (int size : new int[] {1, 2, 4}) {
            assertEquals(whole, walk(after -> store.findByOwner("dev:taras", after, size), size,
                    StoredApplication::submittedAt), "pages of " + size);
        }
    }
}
