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

    /**
     * Every node records the catalogue a region plugin brings, and they may do it at the same moment (a plugin
     * installed everywhere at once): each change is in the history once, however the two transactions interleave.
     */
    @Test
    void nodesRecordingTheSameCatalogueAtOnceRecordEachChangeOnce() throws Exception {
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            String[] availabilities = {"coming_soon", "online", "in_work", "online", "info_only"};
            for (int round = 0; round < availabilities.length; round++) {
                List<OfferingState> states = new java.util.ArrayList<>();
                for (int id = 1; id <= 30; id++) {
                    states.add(new OfferingState(id, 29, 7, availabilities[round]));
                }
                Instant at = JAN.plusSeconds(3600L * round);
                String version = "1." + round;
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(4);
                List<java.util.concurrent.Future<Integer>> recorded = new java.util.ArrayList<>();
                for (int node = 0; node < 4; node++) {
                    recorded.add(nodes.submit(() -> {
                        together.await();
                        for (int attempt = 1; ; attempt++) { // as CatalogueHistoryRecorder does, through OnceMore
                            try {
                                return catalogue.recordCatalogue("lviv", version, states, at);
                            } catch (ua.igov.platform.store.StoreException e) {
                                if (attempt == 3) {
                                    throw e;
                                }
                            }
                        }
                    }));
                }
                int changes = 0;
                for (java.util.concurrent.Future<Integer> f : recorded) {
                    changes += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
                }
                assertEquals(30, changes, "round " + round + ": one node recorded all 30 changes, the others none");
            }
            for (int id = 1; id <= 30; id++) {
                assertEquals(availabilities.length, catalogue.offeringHistory("lviv", id).size(), "offering " + id);
            }
        } finally {
            nodes.shutdownNow();
        }
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
