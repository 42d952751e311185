package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.ApplicationHead;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.AuditVerification;
import ua.igov.platform.store.ConcurrentChangeException;
import ua.igov.platform.store.NewApplication;
import ua.igov.platform.store.StateChange;
import ua.igov.platform.store.StatusChange;
import ua.igov.platform.store.StoredApplication;

class WorkflowStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant DUE = Instant.parse("2026-11-27T10:00:00Z");

    private MigratedDatabase database;
    private JdbcApplicationStore store;

    @BeforeEach
    void setUp() {
        database = JdbcApplicationStoreTest.freshDatabase();
        store = new JdbcApplicationStore(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private StoredApplication submit(String owner, int authority, Instant due) {
        NewApplication app = new NewApplication("residence-registration", "dnipropetrovsk", 1, 29, 100, "1.0", "0.1.0",
                "{\"a\":1}", new StatusChange("submitted", NOW, "citizen", "submit", null, null), owner, authority, due, 0);
        return store.insert(app, n -> "1-" + n, new AuditEntry(NOW, owner, "submit", null, null));
    }

    private StateChange claim(StoredApplication app, String official) {
        return new StateChange(app.version(), "in_review", DUE, official, null, null,
                new StatusChange("in_review", NOW, official, "claim", null, null),
                new AuditEntry(NOW, official, "claim", app.trackingNumber(), null));
    }

    @Test
    void ownersSeeTheirOwnAndQueuesAreSortedByDeadline() {
        submit("dev:taras", 12, DUE.plusSeconds(60));
        submit("dev:lesya", 12, DUE);
        submit("dev:taras", 13, DUE);

        assertEquals(2, store.findByOwner("dev:taras", 50).size());
        List<StoredApplication> queue = store.queue(Set.of(12), Set.of("submitted"), 50);
        assertEquals(List.of("dev:lesya", "dev:taras"), queue.stream().map(StoredApplication::owner).toList());
        assertEquals(List.of(), store.queue(Set.of(99), Set.of("submitted"), 50));
    }

    @Test
    void theHeadTellsWhereAnApplicationStandsAndTheHistoryKeepsItsOrderWithinOneInstant() {
        StoredApplication app = submit("dev:taras", 12, DUE);
        store.change(app.trackingNumber(), claim(app, "olena")); // at the same instant as the submission
        StoredApplication read = store.findByTrackingNumber(app.trackingNumber()).orElseThrow();
        assertEquals(List.of("submitted", "in_review"), read.history().stream().map(StatusChange::status).toList());

        ApplicationHead head = store.findHead(app.trackingNumber()).orElseThrow();
        assertEquals(new ApplicationHead(read.trackingNumber(), read.serviceCode(), read.regionId(), read.authorityId(),
                read.owner(), "in_review", read.submittedAt(), read.updatedAt(), DUE, "olena", null, null), head);
        assertTrue(store.findHead("1-99999997").isEmpty());
        new JdbcStaffDirectory(database).rename(new ua.igov.platform.store.StaffName("olena", "Олена Коваленко",
                DUE, "staff:operator"), had -> new ua.igov.platform.store.AuditEntry(DUE, "staff:operator",
                "name-staff-account", null, "olena"));
        assertEquals("Олена Коваленко", store.findHead(app.trackingNumber()).orElseThrow().assignedToName(),
                "the name comes with the head");
    }

    /** The longest citizen an identity provider may give: a provider id of 32 characters and a subject of 200. */
    @Test
    void theLongestCitizenCanTakeEveryStep() {
        String owner = "p".repeat(32) + ":" + "s".repeat(200);
        String actor = "citizen:" + owner;
        StoredApplication app = store.insert(new NewApplication("residence-registration", "dnipropetrovsk", 1, 29, 100,
                "1.0", "0.1.0", "{\"a\":1}", new StatusChange("submitted", NOW, actor, "submit", null, null), owner, 12,
                DUE, 0), n -> "1-" + n, new AuditEntry(NOW, actor, "submit", null, null));
        StoredApplication cancelled = store.change(app.trackingNumber(), new StateChange(app.version(), "cancelled",
                null, null, null, null, new StatusChange("cancelled", NOW, actor, "cancel", null, null),
                new AuditEntry(NOW, actor, "cancel", app.trackingNumber(), null)));
        assertEquals(List.of(actor, actor), cancelled.history().stream().map(StatusChange::actor).toList());
    }

    /** Another node's clock is behind, or a step's plugin hook took long: the history is in the order of writing. */
    @Test
    void theHistoryIsInTheOrderStepsWereWrittenWhateverTheirClocksSaid() {
        StoredApplication app = submit("dev:taras", 12, DUE);
        Instant behind = NOW.minusSeconds(3);
        store.change(app.trackingNumber(), new StateChange(app.version(), "in_review", DUE, "olena", null, null,
                new StatusChange("in_review", behind, "olena", "claim", null, null),
                new AuditEntry(behind, "olena", "claim", app.trackingNumber(), null)));
        assertEquals(List.of("submit", "claim"), store.findByTrackingNumber(app.trackingNumber()).orElseThrow()
                .history().stream().map(StatusChange::action).toList());
    }

    @Test
    void aChangeAppliesOnceAndAStaleOneIsRefused() {
        StoredApplication app = submit("dev:taras", 12, DUE);
        StoredApplication claimed = store.change(app.trackingNumber(), claim(app, "olena"));
        assertEquals("in_review", claimed.status());
        assertEquals("olena", claimed.assignedTo());
        assertEquals(2, claimed.history().size());
        assertEquals("claim", claimed.history().get(1).action());

        assertThrows(ConcurrentChangeException.class, () -> store.change(app.trackingNumber(), claim(app, "petro")));
        assertEquals("olena", store.findByTrackingNumber(app.trackingNumber()).orElseThrow().assignedTo());
    }

    /** The deadline an authority had when it asked the citizen is kept while they answer, and cleared by the next step. */
    @Test
    void aPausedDeadlineIsKeptUntilTheNextStep() {
        StoredApplication app = store.change(submit("dev:taras", 12, DUE).trackingNumber(),
                claim(submit("dev:taras", 12, DUE), "olena"));
        Instant citizensDue = DUE.plusSeconds(86_400 * 15);
        StoredApplication asked = store.change(app.trackingNumber(), new StateChange(app.version(), "needs_information",
                citizensDue, "olena", null, null, null, new StatusChange("needs_information", NOW, "olena",
                "request-information", null, "[]"), new AuditEntry(NOW, "olena", "request-information",
                app.trackingNumber(), null), DUE));
        assertEquals(List.of(citizensDue, DUE), List.of(asked.dueAt(), asked.pausedDueAt()));
        assertEquals(DUE, store.findByTrackingNumber(app.trackingNumber()).orElseThrow().pausedDueAt(), "stored");
        assertEquals(DUE, store.queue(Set.of(12), Set.of("needs_information"), 10).get(0).pausedDueAt(), "in the queue too");

        StoredApplication answered = store.change(app.trackingNumber(), new StateChange(asked.version(), "in_review",
                DUE.plusSeconds(3_600), "olena", "{\"a\":2}", null, new StatusChange("in_review", NOW, "dev:taras",
                "answer", null, null), new AuditEntry(NOW, "dev:taras", "answer", app.trackingNumber(), null)));
        assertNull(answered.pausedDueAt(), "cleared");
        assertEquals(DUE.plusSeconds(3_600), answered.dueAt());
    }

    /**
     * A step is stored and answered in one transaction: a database that hands out no further connection after it
     * (a pool drained under load) cannot make a stored step look like one not taken. (The answer used to be read
     * after the commit, on a connection of its own.)
     */
    @Test
    void aStoredStepIsAnsweredFromItsOwnTransaction() {
        javax.sql.DataSource real = TestDatabases.freshDataSource();
        java.util.concurrent.atomic.AtomicInteger connectionsLeft = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        javax.sql.DataSource rationed = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && connectionsLeft.getAndDecrement() <= 0) {
                        throw new java.sql.SQLTransientConnectionException("the pool has no connection left");
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        JdbcApplicationStore rationedStore = new JdbcApplicationStore(new MigratedDatabase(rationed), Clock.fixed(NOW, ZoneOffset.UTC));
        StoredApplication app = rationedStore.insert(new NewApplication("residence-registration", "dnipropetrovsk", 1, 29,
                100, "1.0", "0.1.0", "{\"a\":1}", new StatusChange("submitted", NOW, "citizen", "submit", null, null),
                "dev:taras", 12, DUE, 0), n -> "1-" + n, new AuditEntry(NOW, "dev:taras", "submit", null, null));

        connectionsLeft.set(1); // the step's own, and no other
        StoredApplication claimed = rationedStore.change(app.trackingNumber(), claim(app, "olena"));
        assertEquals("in_review", claimed.status());
        assertEquals("olena", claimed.assignedTo());
        assertEquals(2, claimed.history().size());
    }

    @Test
    void theAuditChainHoldsAndAnEditedRowIsFound() throws Exception {
        StoredApplication app = submit("dev:taras", 12, DUE);
        store.change(app.trackingNumber(), claim(app, "olena"));
        // written by a node whose clock is behind: the trail keeps the order of writing, not of the clocks
        store.audit(new AuditEntry(NOW.minusSeconds(3600), "olena", "read-personal-data", app.trackingNumber(), null));
        AuditVerification ok = store.verifyAudit();
        assertTrue(ok.intact());
        assertEquals(3, ok.entries());
        assertEquals(java.util.List.of("submit", "claim", "read-personal-data"), store.auditTrail(app.trackingNumber(), 10)
                .stream().map(AuditEntry::action).toList());
        assertEquals(2, store.auditTrail(app.trackingNumber(), 2).size());
        assertTrue(store.auditTrail("1-99999999-9", 10).isEmpty());

        try (Connection c = database.jdbc().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET actor = 'someone-else' WHERE action = 'claim'")) {
            assertEquals(1, ps.executeUpdate());
        }
        AuditVerification broken = store.verifyAudit();
        assertFalse(broken.intact());
        assertEquals(2L, broken.firstBroken(), "the claim is the application's second entry in its chain");
        assertEquals(AuditChain.chainOf(new AuditEntry(NOW, "x", "x", app.trackingNumber(), null)), broken.chain());
    }

    @Test
    void aDeletedLastEntryIsFoundToo() throws Exception {
        StoredApplication app = submit("dev:taras", 12, DUE);
        store.change(app.trackingNumber(), claim(app, "olena"));
        try (Connection c = database.jdbc().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE action = 'claim'")) {
            assertEquals(1, ps.executeUpdate());
        }
        AuditVerification cut = store.verifyAudit();
        assertFalse(cut.intact());
        assertTrue(cut.reason().contains("removed"), cut.reason());
    }

    /**
     * Other nodes go on writing while an operator verifies: between any two statements of the walk, every chain gets
     * one more entry, committed. None of that is tampering, so the trail must be reported intact; and the entries
     * written meanwhile are verified by the next walk.
     */
    @Test
    void entriesOtherNodesCommitDuringTheWalkAreNotMistakenForTampering() throws Exception {
        String[] subjectOfChain = new String[AuditChain.CHAINS + 1];
        for (int i = 0; java.util.Arrays.stream(subjectOfChain).skip(1).anyMatch(x -> x == null); i++) {
            String subject = "1-" + String.format("%08d", i) + "-0";
            subjectOfChain[AuditChain.chainOf(new AuditEntry(NOW, "x", "x", subject, null))] = subject;
        }
        StoredApplication app = submit("dev:taras", 12, DUE);
        store.change(app.trackingNumber(), claim(app, "olena"));
        int[] written = {0};
        try (Connection c = database.jdbc().dataSource().getConnection()) {
            Connection busy = (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            for (int chain = 1; chain <= AuditChain.CHAINS; chain++) { // another node commits
                                store.audit(new AuditEntry(NOW, "olena", "read-personal-data", subjectOfChain[chain], null));
                                written[0]++;
                            }
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            AuditVerification during = AuditChain.verify(busy);
            assertTrue(during.intact(), during.toString());
        }
        assertTrue(written[0] >= 3 * AuditChain.CHAINS * AuditChain.CHAINS, "written during the walk: " + written[0]);
        AuditVerification after = store.verifyAudit();
        assertTrue(after.intact(), after.toString());
        assertEquals(2 + written[0], after.entries());
    }

    /** A row put into the table by hand after a chain's last entry, even one that links correctly, is found. */
    @Test
    void anEntryAddedByHandAfterTheHeadIsFound() throws Exception {
        StoredApplication app = submit("dev:taras", 12, DUE);
        int chain = AuditChain.chainOf(new AuditEntry(NOW, "x", "x", app.trackingNumber(), null));
        try (Connection c = database.jdbc().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (chain, seq, occurred_at, actor, action, "
                     + "subject, detail, prev_hash, hash) SELECT chain, seq + 1, occurred_at, 'olena', 'claim', subject, "
                     + "detail, hash, hash FROM audit_log WHERE chain = ? AND seq = 1")) {
            ps.setInt(1, chain);
            assertEquals(1, ps.executeUpdate());
        }
        AuditVerification forged = store.verifyAudit();
        assertFalse(forged.intact());
        assertEquals(chain, forged.chain());
        assertEquals(2L, forged.firstBroken());
        assertTrue(forged.reason().contains("not counted"), forged.reason());
    }

    /**
     * The hash has no key, so anyone who edits the last entry can compute its hash again: every link holds, and
     * only the chain's head disagrees. That entry is named, not one after it that does not exist.
     */
    @Test
    void theLastEntryEditedAndRehashedIsTheOneNamed() throws Exception {
        StoredApplication app = submit("dev:taras", 12, DUE);
        int chain = AuditChain.chainOf(new AuditEntry(NOW, "x", "x", app.trackingNumber(), null));
        try (Connection c = database.jdbc().dataSource().getConnection()) {
            long last;
            String previous;
            java.time.Instant at;
            String action;
            String subject;
            String detail;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, prev_hash, occurred_at, action, subject, detail "
                    + "FROM audit_log WHERE chain = ? ORDER BY seq DESC")) {
                ps.setInt(1, chain);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                    previous = rs.getString(2);
                    at = Jdbc.instant(rs.getTimestamp(3, Jdbc.UTC.get()));
                    action = rs.getString(4);
                    subject = rs.getString(5);
                    detail = rs.getString(6);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET actor = 'staff:someone-else', hash = ? "
                    + "WHERE chain = ? AND seq = ?")) {
                ps.setString(1, AuditChain.hash(previous, chain, last, at, "staff:someone-else", action, subject, detail));
                ps.setInt(2, chain);
                ps.setLong(3, last);
                assertEquals(1, ps.executeUpdate());
            }
            AuditVerification edited = store.verifyAudit();
            assertFalse(edited.intact());
            assertEquals(last, edited.firstBroken());
            assertTrue(edited.reason().contains("computed again"), edited.reason());
        }
    }

    /** A forged read in a chain the platform never writes, or before a chain's first entry, is found all the same. */
    @Test
    void anEntryInNoChainThePlatformWritesIsFound() throws Exception {
        StoredApplication app = submit("dev:taras", 12, DUE);
        int chain = AuditChain.chainOf(new AuditEntry(NOW, "x", "x", app.trackingNumber(), null));
        for (String where : List.of("17, 1", chain + ", 0")) {
            try (Connection c = database.jdbc().dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (chain, seq, occurred_at, actor, "
                         + "action, subject, detail, prev_hash, hash) SELECT " + where + ", occurred_at, 'staff:olena', "
                         + "'read-personal-data', subject, detail, hash, hash FROM audit_log WHERE chain = ? AND seq = 1")) {
                ps.setInt(1, chain);
                assertEquals(1, ps.executeUpdate());
            }
            AuditVerification forged = store.verifyAudit();
            assertFalse(forged.intact(), where);
            assertTrue(forged.reason().contains("in no chain"), forged.reason());
            try (Connection c = database.jdbc().dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE action = 'read-personal-data'")) {
                ps.executeUpdate();
            }
            assertTrue(store.verifyAudit().intact());
        }
    }

    /**
     * The hash joins the fields with line breaks. Text moved from the detail into the subject across one would keep
     * the hash and take the entry out of its application's trail: the platform writes no line break before the
     * detail, so one there is an edit.
     */
    @Test
    void textMovedAcrossTheFieldsOfAnEntryIsFound() throws Exception {
        StoredApplication app = submit("dev:taras", 12, DUE);
        store.change(app.trackingNumber(), new StateChange(app.version(), "rejected", null, "olena", null, null,
                new StatusChange("rejected", NOW.plusSeconds(60), "staff:olena", "reject", "a\nb", null),
                new AuditEntry(NOW.plusSeconds(60), "staff:olena", "reject\nmore", app.trackingNumber(),
                        "submitted -> rejected: a\nb")));
        assertTrue(store.auditTrail(app.trackingNumber(), 10).stream().anyMatch(e -> e.action().equals("reject more")),
                "written on one line");
        assertTrue(store.verifyAudit().intact());
        try (Connection c = database.jdbc().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET subject = ?, detail = 'b' "
                     + "WHERE action = 'reject more'")) {
            ps.setString(1, app.trackingNumber() + "\nsubmitted -> rejected: a");
            assertEquals(1, ps.executeUpdate());
        }
        AuditVerification moved = store.verifyAudit();
        assertFalse(moved.intact());
        assertTrue(moved.reason().contains("line break"), moved.reason());
    }

    /**
     * An upload racing a step (one that closes the application, say) or another upload: whichever commits second
     * finds the application changed since it was read, and nothing of it is written.
     */
    @Test
    void aFileForAnApplicationChangedSinceItWasReadIsNotStored() throws Exception {
        StoredApplication app = submit("dev:taras", 12, DUE);
        store.attach(app.trackingNumber(), app.version(), 0, "one.pdf", "application/pdf", new byte[] {1}, "ab".repeat(32),
                new AuditEntry(NOW, "dev:taras", "attach", app.trackingNumber(), "one.pdf"));
        assertThrows(ConcurrentChangeException.class, () -> store.attach(app.trackingNumber(), app.version(), 0,
                "two.pdf", "application/pdf", new byte[] {2}, "cd".repeat(32),
                new AuditEntry(NOW, "dev:taras", "attach", app.trackingNumber(), "two.pdf")), "read before the first file");
        StoredApplication claimed = store.change(app.trackingNumber(), claim(app, "olena"));
        assertThrows(ConcurrentChangeException.class, () -> store.attach(app.trackingNumber(), app.version(), 1,
                "three.pdf", "application/pdf", new byte[] {3}, "ef".repeat(32),
                new AuditEntry(NOW, "dev:taras", "attach", app.trackingNumber(), "three.pdf")), "read before the claim");
        assertThrows(ConcurrentChangeException.class, () -> store.attach("1-99999999-9", 1, 0, "x.pdf",
                "application/pdf", new byte[] {4}, "00".repeat(32), new AuditEntry(NOW, "dev:taras", "attach", null, "x")));
        assertEquals(List.of("one.pdf"), store.attachments(app.trackingNumber()).stream()
                .map(ua.igov.platform.store.Attachment::fileName).toList());
        assertEquals(1, store.findByTrackingNumber(app.trackingNumber()).orElseThrow().attachmentCount());
        assertEquals(List.of("submit", "attach", "claim"), store.auditTrail(app.trackingNumber(), 10).stream()
                .map(AuditEntry::action).toList(), "no entry for what was refused");
        assertEquals(1, store.attach(app.trackingNumber(), claimed.version(), 1, "three.pdf", "application/pdf",
                new byte[] {3}, "ef".repeat(32), new AuditEntry(NOW, "dev:taras", "attach", app.trackingNumber(),
                        "three.pdf")).sizeBytes(), "read again, it goes in");
    }

    @Test
    void attachmentsAreStoredWithTheirDigest() {
        StoredApplication app = submit("dev:taras", 12, DUE);
        long id = store.attach(app.trackingNumber(), app.version(), 0, "passport.pdf", "application/pdf", new byte[] {1, 2, 3}, "ab".repeat(32),
                new AuditEntry(NOW, "dev:taras", "attach", app.trackingNumber(), "passport.pdf")).id();
        assertEquals(1, store.attachments(app.trackingNumber()).size());
        assertEquals(3, store.attachments(app.trackingNumber()).get(0).sizeBytes());
        ua.igov.platform.store.AttachmentFile file = store.attachment(app.trackingNumber(), id).orElseThrow();
        org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, 3}, file.content());
        assertEquals("ab".repeat(32), file.attachment().sha256());
        assertEquals("passport.pdf", file.attachment().fileName());
        assertTrue(store.attachment(app.trackingNumber(), id + 1).isEmpty());
        StoredApplication other = submit("dev:lesya", 12, DUE);
        assertTrue(store.attachment(other.trackingNumber(), id).isEmpty(), "only through its own application");
        assertNull(store.findByTrackingNumber(app.trackingNumber()).orElseThrow().issuedDocument());
    }
}
