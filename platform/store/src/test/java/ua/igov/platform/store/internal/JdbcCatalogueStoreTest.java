package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.OfferingState;
import ua.igov.platform.store.OfferingStatusChange;

class JdbcCatalogueStoreTest {

    private static final Instant JAN = Instant.parse("2016-01-15T09:00:00Z");
    private static final Instant MAR = Instant.parse("2016-03-01T09:00:00Z");

    private MigratedDatabase database;
    private JdbcCatalogueStore catalogue;

    @BeforeEach
    void setUp() {
        database = JdbcApplicationStoreTest.freshDatabase();
        catalogue = new JdbcCatalogueStore(database);
    }

    @Test
    void firstInstallRecordsEveryOfferingOnce() {
        List<OfferingState> v1 = List.of(new OfferingState(1, 29, 7, "coming_soon"), new OfferingState(2, 30, 7, "online"));
        assertEquals(2, catalogue.recordCatalogue("lviv", "1.0", v1, JAN));
        assertEquals(0, catalogue.recordCatalogue("lviv", "1.0", v1, MAR),
                "the same catalogue again (another node, a restart) records nothing");
    }

    @Test
    void anUpdateRecordsWhatChangedWhatAppearedAndWhatWasWithdrawn() {
        catalogue.recordCatalogue("lviv", "1.0",
                List.of(new OfferingState(1, 29, 7, "coming_soon"), new OfferingState(2, 30, 7, "online")), JAN);

        int changes = catalogue.recordCatalogue("lviv", "1.1",
                List.of(new OfferingState(1, 29, 7, "online"), new OfferingState(3, 31, null, "in_work")), MAR);

        assertEquals(3, changes);
        List<OfferingStatusChange> history = catalogue.offeringHistory("lviv", 1);
        assertEquals(2, history.size());
        assertNull(history.get(0).from());
        assertEquals("coming_soon", history.get(0).to());
        assertEquals("coming_soon", history.get(1).from());
        assertEquals("online", history.get(1).to());
        assertEquals("1.1", history.get(1).catalogueVersion());
        assertEquals(MAR, history.get(1).at(), "when did it go online: the update's time");
        assertEquals(CatalogueStore.WITHDRAWN, catalogue.offeringHistory("lviv", 2).get(1).to());
        assertEquals(List.of(), catalogue.offeringHistory("kyiv", 1));
    }

    @Test
    void applicationCountsAreGroupedByServiceAndRegion() {
        JdbcApplicationStore applications = new JdbcApplicationStore(database, Clock.fixed(JAN, ZoneOffset.UTC));
        applications.insert(JdbcApplicationStoreTest.application(), n -> "1-" + n, JdbcApplicationStoreTest.AUDIT);
        applications.insert(JdbcApplicationStoreTest.application(), n -> "1-" + n, JdbcApplicationStoreTest.AUDIT);

        assertEquals(Map.of(29, 2L), catalogue.applicationCounts("dnipropetrovsk"));
        assertEquals(Map.of(29, 2L), catalogue.applicationCounts(null));
        assertEquals(Map.of(), catalogue.applicationCounts("lviv"));
    }
}
