package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.AlreadyDoneException;
import ua.igov.platform.store.AuditEntry;
import ua.igov.platform.store.StaffName;

class JdbcStaffDirectoryTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private Database database;
    private JdbcStaffDirectory directory;

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh();
        directory = new JdbcStaffDirectory(database);
    }

    private static Function<Optional<StaffName>, AuditEntry> audit(String shownAs) {
        return previous -> new AuditEntry(T0, "staff:operator", "name-staff-account", null,
                shownAs + " (was " + previous.map(StaffName::displayName).orElse("none") + ")");
    }

    private Optional<StaffName> rename(String account, String displayName, Instant at) {
        return directory.rename(new StaffName(account, displayName, at, "staff:operator"), audit(displayName));
    }

    @Test
    void namesAreReadForTheAccountsAskedAboutOnly() {
        assertTrue(rename("olena", "Олена Коваленко", T0).isEmpty(), "no name before");
        rename("petro", "Петро Іваненко", T0);
        assertEquals(Map.of("olena", "Олена Коваленко"), directory.displayNames(List.of("olena", "nobody", "olena")),
                "an account without a name is left out; one asked twice is read once");
        assertEquals(Map.of(), directory.displayNames(List.of()));
        assertEquals(List.of("olena", "petro"), directory.names(10).stream().map(StaffName::account).toList());
        assertEquals(1, directory.names(1).size(), "the limit holds");
    }

    @Test
    void aNewNameReplacesTheOldOneOnTheRecordAndTheSameNameIsRefused() {
        rename("olena", "Олена Коваленко", T0);
        StaffName previous = rename("olena", "Олена Шевченко", T0.plusSeconds(60)).orElseThrow();
        assertEquals("Олена Коваленко", previous.displayName());
        StaffName now = directory.names(10).get(0);
        assertEquals(new StaffName("olena", "Олена Шевченко", T0.plusSeconds(60), "staff:operator"), now);
        assertThrows(AlreadyDoneException.class, () -> rename("olena", "Олена Шевченко", T0.plusSeconds(120)));
        assertEquals(List.of("Олена Коваленко (was none)", "Олена Шевченко (was Олена Коваленко)"), auditDetails(),
                "the refused repetition wrote nothing");
        assertTrue(new JdbcApplicationStore(database).verifyAudit().intact(), "in the chain");
    }

    @Test
    void aNameTakenAwayIsGoneOnTheRecord() {
        rename("olena", "Олена Коваленко", T0);
        Function<StaffName, AuditEntry> audit = removed -> new AuditEntry(T0, "staff:operator", "unname-staff-account",
                null, "was " + removed.displayName());
        assertEquals("Олена Коваленко", directory.unname("olena", audit).orElseThrow().displayName());
        assertTrue(directory.unname("olena", audit).isEmpty(), "nothing left to take away");
        assertEquals(Map.of(), directory.displayNames(List.of("olena")));
        assertEquals(List.of("Олена Коваленко (was none)", "was Олена Коваленко"), auditDetails());
    }

    @Test
    void aNameSetOnOneNodeIsReadOnAnother() {
        JdbcStaffDirectory otherNode = new JdbcStaffDirectory(database);
        rename("olena", "Олена Коваленко", T0);
        assertEquals(Map.of("olena", "Олена Коваленко"), otherNode.displayNames(List.of("olena")));
    }

    @Test
    void manyAccountsAreReadInParts() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 2 * JdbcStaffDirectory.PART + 1; i++) {
            many.add("official" + i);
        }
        rename("official0", "Перша Посадовиця", T0);
        rename("official" + JdbcStaffDirectory.PART, "Друга Посадовиця", T0);
        rename("official" + 2 * JdbcStaffDirectory.PART, "Третя Посадовиця", T0);
        assertEquals(3, directory.displayNames(many).size(), "one name from each part");
    }

    /**
     * Operators renaming and un-naming one account at the same moment: replaying the audit trail in its order, every
     * change names as "was" exactly the name the change before it left, and the last one is the name the account has.
     */
    @Test
    void concurrentChangesOfOneNameTakeTurnsAndTheTrailAddsUp() throws Exception {
        Function<StaffName, AuditEntry> unnamed = removed -> new AuditEntry(T0, "staff:operator", "unname-staff-account",
                null, "was " + removed.displayName());
        java.util.concurrent.ExecutorService operators = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> work = new ArrayList<>();
            for (int operator = 0; operator < 4; operator++) {
                int o = operator;
                work.add(operators.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        for (int attempt = 1; ; attempt++) {
                            try {
                                if ((i + o) % 3 == 0) {
                                    directory.unname("olena", unnamed);
                                } else {
                                    rename("olena", "Олена " + "АБВГ".charAt(o) + "-" + i, T0);
                                }
                                break;
                            } catch (ua.igov.platform.store.StoreException e) { // a deadlock's victim: try again
                                if (attempt == 5) {
                                    throw e;
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> w : work) {
                w.get(120, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            operators.shutdownNow();
        }
        String shown = "none";
        List<String> trail = auditDetails();
        for (String detail : trail) {
            String was = detail.substring(detail.lastIndexOf("was ") + 4).replaceAll("\\)$", "");
            assertEquals(shown, was, "in " + trail);
            shown = detail.startsWith("was ") ? "none" : detail.substring(0, detail.indexOf(" (was "));
        }
        assertEquals(shown, directory.displayNames(List.of("olena")).getOrDefault("olena", "none"));
        assertTrue(new JdbcApplicationStore(database).verifyAudit().intact());
    }

    private List<String> auditDetails() {
        try (java.sql.Connection c = database.jdbc().dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT detail FROM audit_log ORDER BY seq"
                     + Jdbc.FIRST_ROWS)) {
            return Jdbc.rows(ps, 1, 1000, rs -> rs.getString(1));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
