package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.CatalogueQuery;
import ua.igov.platform.core.CataloguePage;
import ua.igov.platform.core.CatalogueStatistics;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.RegionServiceEntry;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.OfferingState;
import ua.igov.platform.store.OfferingStatusChange;

class CatalogueSearchTest {

    private final ApplicationManagerTest.FakePlugins plugins = new ApplicationManagerTest.FakePlugins();
    private final Map<Integer, Long> applicationCounts = new java.util.HashMap<>();
    private CatalogueManager catalogue;

    @BeforeEach
    void setUp() throws Exception {
        plugins.region = new RegionIndex(RegionCatalogueReaderTest.fixture(), new PluginOrigin("region", "1"));
        CatalogueStore store = new CatalogueStore() {
            public int recordCatalogue(String r, String v, List<OfferingState> o, Instant at) {
                return 0;
            }

            public List<OfferingStatusChange> offeringHistory(String r, int id) {
                // a region the operators removed: its history stays in the database
                return r.equals("removed-region") && id == 5 ? List.of(new OfferingStatusChange(5, 29, 1, null,
                        "online", "0.1.0", Instant.parse("2026-11-20T10:00:00Z"))) : List.of();
            }

            public Map<Integer, Long> applicationCounts(String r) {
                return applicationCounts;
            }
        };
        catalogue = new CatalogueManager(plugins, new DerbyStores().applications, store, Clock.systemUTC());
    }

    private static CatalogueQuery query(String text, String region, String place, String status) {
        return new CatalogueQuery(text, region, place, null, status, null, 0, 20);
    }

    private List<Integer> serviceIds(CataloguePage page) {
        return page.items().stream().map(RegionServiceEntry::serviceId).toList();
    }

    @Test
    void findsByAWordsBeginningInAnyCaseAndHidesTestEntries() {
        assertEquals(List.of(29), serviceIds(catalogue.search(query("РЕЄСТР", null, null, null))));
        assertEquals(List.of(29), serviceIds(catalogue.search(query("реєстрацiя", null, null, null))), "Latin i");
        assertEquals(List.of(), serviceIds(catalogue.search(query("можно", null, null, null))), "test entries never show");
        assertEquals(2, catalogue.search(query(null, null, null, null)).total());
    }

    @Test
    void filtersByStatusAndByPlaceWithItsOblast() {
        assertEquals(List.of(30), serviceIds(catalogue.search(query(null, null, null, "coming_soon"))));
        // the city (KOATUU 9910100000) sees its own offering and the oblast-level one
        assertEquals(2, catalogue.search(query(null, "testland", "9910100000", null)).total());
        // the oblast-level place sees only what is offered there
        assertEquals(List.of(30), serviceIds(catalogue.search(query(null, "testland", "9900000000", null))));
    }

    @Test
    void mostRequestedRanksFirstAmongEqualMatches() {
        applicationCounts.put(30, 5L);
        assertEquals(List.of(30, 29), serviceIds(catalogue.search(query(null, null, null, null))));
        assertEquals(30, catalogue.mostRequested(null, 10).get(0).serviceId());
    }

    /** Published like open data: watching the list must not show one person applying for a rare service. */
    @Test
    void theMostRequestedListShowsNoSmallCountsAndRoundsTheOthers() {
        applicationCounts.put(30, 13L);
        applicationCounts.put(29, 4L);
        assertEquals(List.of(30, 29), serviceIds(catalogue.search(query(null, null, null, null))),
                "10 against none: the search ranks by the published counts too");
        List<ua.igov.platform.core.PopularService> listed = catalogue.mostRequested(null, 10);
        assertEquals(List.of(30), listed.stream().map(ua.igov.platform.core.PopularService::serviceId).toList());
        assertEquals(10, listed.get(0).applications(), "13, rounded down to a multiple of 5");
    }

    /** The search too: 13 against 11 is 10 against 10, so the next rule decides, not one more application. */
    @Test
    void theSearchRanksByTheCountsMostRequestedShows() {
        applicationCounts.put(30, 13L);
        applicationCounts.put(29, 11L);
        assertEquals(List.of(29, 30), serviceIds(catalogue.search(query(null, null, null, null))),
                "10 against 10: then by availability (29 is online)");
    }

    /** Ranked by the rounded count too: by the exact one, one more application would swap two services showing 10. */
    @Test
    void theMostRequestedListRanksByTheCountsItShows() {
        applicationCounts.put(30, 11L);
        applicationCounts.put(29, 10L);
        List<ua.igov.platform.core.PopularService> listed = catalogue.mostRequested(null, 10);
        assertEquals(List.of(29, 30), listed.stream().map(ua.igov.platform.core.PopularService::serviceId).toList(),
                "both show 10: by id");
        assertEquals(List.of(10L, 10L), listed.stream().map(ua.igov.platform.core.PopularService::applications).toList());
    }

    /** The authority that works the online offerings of the regions made up here. */
    private static final String AUTHORITY = "{\"id\":7,\"name\":{\"uk\":\"ЦНАП\"},\"kind\":\"ЦНАП\"}";

    /** Services that tie on everything else are in Ukrainian alphabetical order, not in the order of letter codes. */
    @Test
    void tiesAreInUkrainianAlphabeticalOrder() throws Exception {
        String[] names = {"Інформація про субсидію", "Архівна довідка", "Єдиний квиток", "Житлова субсидія", "Ґрунтовий аналіз",
            "Гуртожиток"};
        StringBuilder services = new StringBuilder();
        StringBuilder offerings = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            services.append(i == 0 ? "" : ",").append("{\"id\":").append(i + 1).append(",\"name\":{\"uk\":\"")
                    .append(names[i]).append("\"},\"keywords\":[]}");
            offerings.append(i == 0 ? "" : ",").append("{\"id\":").append(i + 1).append(",\"serviceId\":").append(i + 1)
                    .append(",\"placeId\":1,\"authorityId\":7,\"availability\":\"online\"}");
        }
        String json = "{\"formatVersion\":1,\"region\":{\"id\":\"abc\",\"igovId\":1,\"name\":{\"uk\":\"А\"}},"
                + "\"places\":[{\"id\":1,\"name\":{\"uk\":\"Місто\"},\"type\":\"city\",\"koatuu\":\"9910100000\"}],"
                + "\"authorities\":[" + AUTHORITY + "],\"services\":[" + services + "],\"offerings\":[" + offerings + "]}";
        plugins.region = new RegionIndex(RegionCatalogueReader.read(new java.io.ByteArrayInputStream(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "1"), new PluginOrigin("abc", "1"));
        assertEquals(List.of(2, 6, 5, 3, 4, 1), serviceIds(catalogue.search(query(null, null, null, null))),
                "А, Г, Ґ, Є, Ж, І: Архівна, Гуртожиток, Ґрунтовий, Єдиний, Житлова, Інформація (by letter codes Є and "
                        + "І came first; the JDK's rules put Ґрунтовий before Гуртожиток)");
    }

    /** What passed the filters ranks: the service online at the place asked for before the one online elsewhere. */
    @Test
    void theAvailabilityShownIsTheOneRanked() throws Exception {
        String json = "{\"formatVersion\":1,\"region\":{\"id\":\"abc\",\"igovId\":1,\"name\":{\"uk\":\"А\"}},"
                + "\"places\":[{\"id\":1,\"name\":{\"uk\":\"Область\"},\"type\":\"oblast\",\"koatuu\":\"9900000000\"},"
                + "{\"id\":2,\"name\":{\"uk\":\"Місто\"},\"type\":\"city\",\"koatuu\":\"9910100000\",\"parentId\":1},"
                + "{\"id\":3,\"name\":{\"uk\":\"Село\"},\"type\":\"village\",\"koatuu\":\"9920100000\",\"parentId\":1}],"
                + "\"authorities\":[" + AUTHORITY + "],\"services\":[{\"id\":1,\"name\":{\"uk\":\"Акт\"},\"keywords\":[]},"
                + "{\"id\":2,\"name\":{\"uk\":\"Бланк\"},\"keywords\":[]}],\"offerings\":["
                + "{\"id\":1,\"serviceId\":1,\"placeId\":3,\"authorityId\":7,\"availability\":\"online\"},"
                + "{\"id\":2,\"serviceId\":1,\"placeId\":1,\"availability\":\"info_only\",\"note\":\"На сайті ОДА\"},"
                + "{\"id\":3,\"serviceId\":2,\"placeId\":2,\"authorityId\":7,\"availability\":\"online\"}]}";
        plugins.region = new RegionIndex(RegionCatalogueReader.read(new java.io.ByteArrayInputStream(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "1"), new PluginOrigin("abc", "1"));
        CataloguePage inTheCity = catalogue.search(query(null, "abc", "9910100000", null));
        assertEquals(List.of(2, 1), serviceIds(inTheCity), "Бланк is online in the city, Акт only for information");
        assertEquals("На сайті ОДА", inTheCity.items().get(1).places().get(0).note(), "the region's note is shown");
        assertEquals(null, inTheCity.items().get(0).places().get(0).note());
    }

    @Test
    void badQueriesNameTheParameter() {
        assertEquals("size", field(() -> catalogue.search(new CatalogueQuery(null, null, null, null, null, null, 0, 1_000_000))));
        assertEquals("q", field(() -> catalogue.search(query("", null, null, null))));
        assertEquals("q", field(() -> catalogue.search(query("№ «»", null, null, null))), "nothing to search for");
        assertEquals("q", field(() -> catalogue.search(query("а".repeat(10_240), null, null, null))));
        assertEquals("region", field(() -> catalogue.search(query(null, "atlantis", null, null))));
        assertEquals("place", field(() -> catalogue.search(query(null, null, "1234567890", null))));
        assertEquals("place", field(() -> catalogue.search(query(null, null, "Dnipro", null))));
        assertEquals("status", field(() -> catalogue.search(query(null, null, null, "soonish"))));
        assertEquals("page", field(() -> catalogue.search(new CatalogueQuery(null, null, null, null, null, null, -1, 10))));
        assertEquals("category", field(() -> catalogue.search(new CatalogueQuery(null, null, null, "Citizens", null,
                null, 0, 10))), "a category no region has is a typo, not an empty result");
    }

    /** The history of a region the operators removed is still readable; a region with none is still unknown. */
    @Test
    void aRemovedRegionsOfferingHistoryIsStillRead() {
        assertEquals(List.of("online"), catalogue.offeringHistory("removed-region", 5).stream()
                .map(ua.igov.platform.core.OfferingChange::to).toList());
        for (String region : List.of("atlantis", "x".repeat(10_000), "Removed-Region")) {
            ProblemException unknown = assertThrows(ProblemException.class, () -> catalogue.offeringHistory(region, 5));
            assertEquals(404, unknown.status(), region.length() > 20 ? "a long one" : region);
            assertEquals("unknown-region", unknown.type());
        }
    }

    @Test
    void aCategoryIsFoundInAnyCase() {
        assertEquals(catalogue.search(new CatalogueQuery(null, null, null, "Citizen", null, null, 0, 10)).total(),
                catalogue.search(new CatalogueQuery(null, null, null, "CITIZEN", null, null, 0, 10)).total());
        assertTrue(catalogue.search(new CatalogueQuery(null, null, null, "citizen", null, null, 0, 10)).total() > 0);
    }

    private static String field(Runnable call) {
        ProblemException problem = assertThrows(ProblemException.class, call::run);
        assertEquals(400, problem.status());
        assertTrue(problem.detail().length() < 500, "a detail a person reads, not a dump");
        return problem.fieldProblems().stream().map(FieldProblem::field).findFirst().orElseThrow();
    }

    @Test
    void statisticsCountServicesByTheirBestAvailabilityAndOfferings() {
        CatalogueStatistics stats = catalogue.statistics();
        assertEquals(2, stats.total().services());
        assertEquals(2, stats.total().offerings());
        assertEquals(Map.of("online", 1, "coming_soon", 1), stats.total().servicesByStatus());
        assertEquals("testland", stats.regions().get(0).region());
    }
}
