package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.OutboxMessage;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.ServiceTypeRecord;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoreException;
import ua.igov.platform.store.StoredApplication;

class JdbcApplicationStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30.123Z");
    static final AuditEntry AUDIT = new AuditEntry(NOW, "citizen:dev:taras", "submit", null, "residence-registration");

    private MigratedDatabase database;
    private JdbcApplicationStore store;

    /** A fresh migrated database for each test (Derby, or PostgreSQL under the postgresql profile). */
    static MigratedDatabase freshDatabase() {
        return TestDatabases.fresh();
    }

    @BeforeEach
    void setUp() {
        database = freshDatabase();
        store = new JdbcApplicationStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static NewApplication application() {
        return new NewApplication("residence-registration", "dnipropetrovsk", 1, 29, 100, "1.0", "0.1.0",
                "{\"lastName\":\"Шевченко\"}", new StatusChange("submitted", NOW, "citizen", null));
    }

    private StoredApplication insert() {
        return store.insert(application(), n -> "1-" + n, AUDIT);
    }

    @Test
    void insertedApplicationIsReadBackWithItsHistory() {
        String trackingNumber = insert().trackingNumber();

        StoredApplication read = store.findByTrackingNumber(trackingNumber).orElseThrow();

        assertEquals("residence-registration", read.serviceCode());
        assertEquals("{\"lastName\":\"Шевченко\"}", read.formJson());
        assertEquals(1, read.placeId());
        assertEquals("submitted", read.status());
        assertEquals(NOW, read.submittedAt());
        assertEquals(1, read.history().size());
        assertEquals("citizen", read.history().get(0).actor());
        assertEquals(1, store.countApplications());
    }

    @Test
    void unknownTrackingNumberIsEmpty() {
        assertTrue(store.findByTrackingNumber("1-99999997").isEmpty());
    }

    @Test
    void applicationNumbersComeFromTheDatabaseSequenceAndIncrease() {
        long first = Long.parseLong(insert().trackingNumber().substring(2));
        long second = Long.parseLong(insert().trackingNumber().substring(2));
        assertTrue(second > first);
    }

    @Test
    void duplicateTrackingNumberIsRefusedAndLeavesNothingHalfWritten() {
        store.insert(application(), n -> "1-fixed", AUDIT);

        assertThrows(StoreException.class, () -> store.insert(application(), n -> "1-fixed", AUDIT));

        assertEquals(1, store.countApplications());
        assertEquals(1, store.findByTrackingNumber("1-fixed").orElseThrow().history().size());
    }

    /**
     * Submissions made at the same moment are written together (GroupCommit): each must still come out whole — its
     * own number, history entry, contact, notifications, a linked audit entry and its count — and one that cannot be
     * written must fail alone, leaving nothing of itself behind.
     */
    @Test
    void submissionsMadeAtOnceAreEachWrittenWholeAndABadOneFailsAlone() throws Exception {
        int threads = 8;
        int each = 25;
        ExecutorService citizens = Executors.newFixedThreadPool(threads);
        List<Future<String>> submitted = new ArrayList<>();
        java.util.Map<String, String> whoGotWhich = new java.util.concurrent.ConcurrentHashMap<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                boolean bad = i == 7; // its notification cannot be built: the whole submission must fail
                String citizen = "c" + t + "-" + i;
                NewApplication own = new NewApplication("residence-registration", "dnipropetrovsk", 1, 29, 100, "1.0",
                        "0.1.0", "{\"who\":\"" + citizen + "\"}", new StatusChange("submitted", NOW, "citizen", null));
                submitted.add(citizens.submit(() -> store.insert(own, n -> "1-" + n, AUDIT,
                        new CitizenContact(citizen + "@example.com", "+380501234567", "uk"), trackingNumber -> {
                            whoGotWhich.put(trackingNumber, citizen);
                            if (bad) {
                                throw new IllegalStateException("no template");
                            }
                            return List.of(new OutboxMessage("email", citizen + "@example.com", "Прийнято", trackingNumber, trackingNumber),
                                    new OutboxMessage("sms", "+380501234567", null, trackingNumber, trackingNumber));
                        }).trackingNumber()));
            }
        }
        Set<String> numbers = new HashSet<>();
        int failed = 0;
        for (Future<String> f : submitted) {
            try {
                numbers.add(f.get(60, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                assertEquals("no template", e.getCause().getMessage());
                failed++;
            }
        }
        citizens.shutdown();

        int good = threads * each - threads;
        assertEquals(threads, failed);
        assertEquals(good, numbers.size(), "every stored submission has a number of its own");
        assertEquals(good, store.countApplications());
        for (String n : numbers) {
            // each row, history entry and contact belongs to the submission that was given this number
            String citizen = whoGotWhich.get(n);
            StoredApplication read = store.findByTrackingNumber(n).orElseThrow();
            assertEquals("{\"who\":\"" + citizen + "\"}", read.formJson());
            assertEquals(1, read.history().size());
            assertEquals(citizen + "@example.com", store.contact(n).orElseThrow().email());
        }
        assertEquals((long) good, count("SELECT COUNT(*) FROM outbox o JOIN application a ON a.tracking_number = o.tracking_number "
                + "JOIN application_contact k ON k.application_id = a.id WHERE o.channel = 'email' AND o.recipient = k.email"));
        assertEquals(2L * good, count("SELECT COUNT(*) FROM outbox"));
        assertEquals((long) good, count("SELECT COUNT(*) FROM application_contact"));
        assertEquals((long) good, count("SELECT COUNT(*) FROM application_event"));
        assertEquals((long) good, count("SELECT COUNT(DISTINCT subject) FROM audit_log WHERE action = 'submit'"));
        assertEquals((long) good, count("SELECT COUNT(*) FROM audit_log"));
        var audit = store.verifyAudit();
        assertTrue(audit.intact(), audit.toString());
        assertEquals(good, audit.entries());
        for (String dimension : List.of("region", "authority", "service")) {
            assertEquals((long) good, count("SELECT SUM(submitted) FROM stats_cell WHERE grain = 'D' AND dimension = '" + dimension + "'"));
            assertEquals((long) good, count("SELECT SUM(submitted) FROM stats_cell WHERE grain = 'M' AND dimension = '" + dimension + "'"));
        }
    }

    /**
     * Entries written in the last half microsecond of a millisecond, and of a second, stay intact: rounded into the
     * next millisecond on their way into the database, they would read as edited, since each is hashed with the
     * millisecond it was written with.
     */
    @org.junit.jupiter.api.Test
    void anEntryAtTheEndOfAMillisecondStaysIntact() {
        store.audit(new ua.igov.platform.store.AuditEntry(java.time.Instant.parse("2026-11-27T10:00:00.123999600Z"),
                "staff:olena", "read-personal-data", "1-00000001-6", "application"));
        store.audit(new ua.igov.platform.store.AuditEntry(java.time.Instant.parse("2026-11-27T10:00:00.999999999Z"),
                "staff:olena", "read-personal-data", "1-00000001-6", "application"));
        var audit = store.verifyAudit();
        assertTrue(audit.intact(), audit.toString());
    }

    private long count(String sql) {
        return database.jdbc().read(sql, c -> {
            try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aFailureWhileFormattingTheNumberRollsEverythingBack() {
        assertThrows(RuntimeException.class, () -> store.insert(application(), n -> {
            throw new IllegalStateException("bad origin");
        }, AUDIT));
        assertEquals(0, store.countApplications());
    }

    @Test
    void serviceTypeIsRememberedWithEveryFormVersion() {
        store.rememberServiceType(new ServiceTypeRecord("residence-registration", "Реєстрація", null, "1", "{\"v\":1}", "0.1.0"));
        store.rememberServiceType(new ServiceTypeRecord("residence-registration", "Реєстрація місця", "Registration",
                "2", "{\"v\":2}", "0.2.0"));

        ServiceTypeRecord read = store.findServiceType("residence-registration").orElseThrow();
        assertEquals("2", read.formVersion());
        assertEquals("{\"v\":2}", read.formSchema());
        assertEquals("Registration", read.nameEn());
        assertTrue(store.findServiceType("unknown").isEmpty());
    }

    @Test
    void eachFormVersionKeepsTheWorkflowItWasPublishedWith() {
        store.rememberServiceType(new ServiceTypeRecord("land", "Земля", null, "1", "{}", "1.0.0", null));
        assertTrue(store.workflow("land", "1").isEmpty(), "recorded before workflows were stored");
        store.rememberServiceType(new ServiceTypeRecord("land", "Земля", null, "1", "{}", "1.0.1", "{\"w\":1}"));
        assertEquals("{\"w\":1}", store.workflow("land", "1").orElseThrow(), "filled in once known");
        store.rememberServiceType(new ServiceTypeRecord("land", "Земля", null, "2", "{}", "2.0.0", "{\"w\":2}"));
        store.rememberServiceType(new ServiceTypeRecord("land", "Земля", null, "1", "{}", "1.0.2", "{\"w\":99}"));

        assertEquals("{\"w\":1}", store.workflow("land", "1").orElseThrow(), "what applications on 1 follow never changes");
        assertEquals("{\"w\":2}", store.workflow("land", "2").orElseThrow());
        assertTrue(store.workflow("land", "3").isEmpty());
        store.rememberServiceType(new ServiceTypeRecord("land", "Земля", null, "3", "{}", "3.0.0", null));
        assertEquals(java.util.Map.of("1", "{\"w\":1}", "2", "{\"w\":2}"), store.workflows("land"),
                "every version's workflow, without the one recorded with none");
        assertEquals(java.util.Map.of(), store.workflows("birth"));
    }

    @Test
    void migratingTwiceIsHarmless() {
        javax.sql.DataSource dataSource = database.jdbc().dataSource();
        MigratedDatabase migrated = new MigratedDatabase(dataSource);
        assertEquals(java.util.List.of(), migrated.pendingChangeSets(), "every changeset of the changelog has run");
        JdbcApplicationStore again = new JdbcApplicationStore(migrated, Clock.systemUTC());
        again.insert(application(), n -> "1-" + n, AUDIT);
        assertNotEquals(0, again.countApplications());
    }
}
