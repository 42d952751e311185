package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Availability;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.RegionCatalogue;

class RegionCatalogueReaderTest {

    static RegionCatalogue fixture() throws Exception {
        try (InputStream in = RegionCatalogueReaderTest.class.getResourceAsStream("/fixtures/region-test.json")) {
            return RegionCatalogueReader.read(in, "1.0.0");
        }
    }

    @Test
    void readsEveryPartOfTheCatalogue() throws Exception {
        RegionCatalogue catalogue = fixture();
        assertEquals("testland", catalogue.region().id());
        assertEquals("Test Oblast", catalogue.region().name().en());
        assertEquals(2, catalogue.places().size());
        assertEquals(3, catalogue.services().size());
        assertEquals(Availability.COMING_SOON, catalogue.offerings().get(1).availability());
        assertEquals("1.0.0", catalogue.version());
    }

    @Test
    void aMistakeIsReportedWithWhereItIs() {
        String broken = "{\"formatVersion\":1,\"region\":{\"id\":\"x-region\",\"igovId\":1,\"name\":{\"uk\":\"Х\"}},"
                + "\"places\":[],\"authorities\":[],\"services\":[],"
                + "\"offerings\":[{\"id\":1,\"serviceId\":2,\"availability\":\"online\"},{\"id\":2,\"serviceId\":2,\"availability\":\"soonish\"}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionCatalogueReader.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "1"));
        assertTrue(e.getMessage().startsWith("offerings[1]:"), e.getMessage());
        assertTrue(e.getMessage().contains("soonish"), e.getMessage());
    }

    /** Before, "abc" was read as id 0, and 29.5 as 29 (then the same id as 29, one of the two silently dropped). */
    @Test
    void anIdThatIsNoWholeNumberIsAMistakeReportedWhereItIs() {
        for (String id : java.util.List.of("\"abc\"", "29.5", "3000000000", "true")) {
            String broken = "{\"formatVersion\":1,\"region\":{\"id\":\"x-region\",\"igovId\":1,\"name\":{\"uk\":\"Х\"}},"
                    + "\"places\":[],\"authorities\":[],\"services\":[{\"id\":29,\"name\":{\"uk\":\"А\"}},"
                    + "{\"id\":" + id + ",\"name\":{\"uk\":\"Б\"}}],\"offerings\":[]}";
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RegionCatalogueReader.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "1"));
            assertTrue(e.getMessage().startsWith("services[1]: 'id' must be a whole number"), e.getMessage());
        }
    }

    /**
     * Before, an offering of a service the file does not list was dropped without a word; an online one with no
     * authority took applications that no official's queue showed.
     */
    @Test
    void anIdNamedButNotListedIsAMistakeReportedWhereItIs() {
        String head = "{\"formatVersion\":1,\"region\":{\"id\":\"x-region\",\"igovId\":1,\"name\":{\"uk\":\"Х\"}},"
                + "\"places\":[{\"id\":1,\"name\":{\"uk\":\"Центр\"},\"type\":\"city\"}%s],"
                + "\"authorities\":[{\"id\":7,\"name\":{\"uk\":\"ЦНАП\"}}],\"services\":[{\"id\":29,\"name\":{\"uk\":\"А\"}}],"
                + "\"offerings\":[{\"id\":1,\"serviceId\":29,\"placeId\":1,\"authorityId\":7,\"availability\":\"online\"},%s]}";
        java.util.Map<String, String> mistakes = java.util.Map.of(
                String.format(head, "", "{\"id\":2,\"serviceId\":740,\"availability\":\"online\"}"),
                "offerings[1]: serviceId 740 is not in services",
                String.format(head, "", "{\"id\":2,\"serviceId\":29,\"placeId\":5,\"availability\":\"online\"}"),
                "offerings[1]: placeId 5 is not in places",
                String.format(head, "", "{\"id\":2,\"serviceId\":29,\"authorityId\":8,\"availability\":\"online\"}"),
                "offerings[1]: authorityId 8 is not in authorities",
                String.format(head, "", "{\"id\":2,\"serviceId\":29,\"placeId\":1,\"availability\":\"online\"}"),
                "offerings[1]: an online offering names the authority that works its applications (authorityId); "
                        + "without one they would be in nobody's queue",
                String.format(head, ",{\"id\":2,\"name\":{\"uk\":\"Село\"},\"type\":\"village\",\"parentId\":50001}",
                        "{\"id\":2,\"serviceId\":29,\"availability\":\"online\"}"),
                "places[1]: parentId 50001 is not in places");
        mistakes.forEach((file, expected) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RegionCatalogueReader.read(
                    new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), "1"));
            assertEquals(expected, e.getMessage());
        });
    }

    /** Before, a service listed twice showed twice in search and doubled the region's counts. */
    @Test
    void anIdListedTwiceIsAMistakeReportedWhereItIs() {
        String twice = "{\"formatVersion\":1,\"region\":{\"id\":\"x-region\",\"igovId\":1,\"name\":{\"uk\":\"Х\"}},"
                + "\"places\":[],\"authorities\":[],\"services\":[],"
                + "\"offerings\":[{\"id\":7,\"serviceId\":2,\"availability\":\"online\"},"
                + "{\"id\":8,\"serviceId\":2,\"availability\":\"online\"},{\"id\":7,\"serviceId\":3,\"availability\":\"online\"}]}";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionCatalogueReader.read(new ByteArrayInputStream(twice.getBytes(StandardCharsets.UTF_8)), "1"));
        assertEquals("offerings[2]: duplicate id 7 (also offerings[0])", e.getMessage());
    }

    @Test
    void anotherFormatVersionIsRefused() {
        String future = "{\"formatVersion\": 2}";
        assertThrows(IllegalArgumentException.class,
                () -> RegionCatalogueReader.read(new ByteArrayInputStream(future.getBytes(StandardCharsets.UTF_8)), "1"));
    }

    @Test
    void indexHidesTestServicesAndKnowsWhatIsOnline() throws Exception {
        RegionIndex index = new RegionIndex(fixture(), new PluginOrigin("test", "1"));
        assertEquals(2, index.visibleServices().size());
        assertTrue(index.offersOnline(29, null));
        assertTrue(index.offersOnline(29, 1));
        assertTrue(!index.offersOnline(29, 50099));
        assertTrue(!index.offersOnline(30, null));
        assertTrue(!index.offersOnline(29, 424242), "a place the region does not have");
    }

    @Test
    void anOptionalEscalationSectionBecomesTheRegionsRules() throws Exception {
        String base = "{\"formatVersion\":1,\"region\":{\"id\":\"x-region\",\"igovId\":1,\"name\":{\"uk\":\"Х\"}},"
                + "\"places\":[],\"authorities\":[],\"services\":[],\"offerings\":[]";
        assertTrue(read(base + "}").escalation().isEmpty(), "a 1.0 region file declares none");

        RegionCatalogue catalogue = read(base + ",\"escalation\":["
                + "{\"id\":\"unclaimed\",\"trigger\":\"unclaimed\",\"workingDays\":1,\"actions\":[\"remind-authority\"]},"
                + "{\"id\":\"late\",\"trigger\":\"overdue\",\"actions\":[\"notify-supervisor\",\"mark-escalated\"],"
                + "\"statuses\":[\"in_review\"]}]}");
        assertEquals(2, catalogue.escalation().size());
        EscalationRule late = catalogue.escalation().get(1);
        assertEquals(EscalationRule.Trigger.OVERDUE, late.trigger());
        assertEquals(0, late.workingDays(), "workingDays defaults to 0");
        assertEquals(Set.of(EscalationRule.Action.NOTIFY_SUPERVISOR, EscalationRule.Action.MARK_ESCALATED), late.actions());
        assertEquals(Set.of(Status.IN_REVIEW), late.statuses());
        assertEquals(Set.of(Status.SUBMITTED), catalogue.escalation().get(0).statuses());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(base + ",\"escalation\":["
                + "{\"id\":\"late\",\"trigger\":\"overdue\",\"actions\":[\"remind-authority\"]},"
                + "{\"id\":\"later\",\"trigger\":\"whenever\",\"actions\":[\"remind-authority\"]}]}"));
        assertTrue(e.getMessage().startsWith("escalation[1]:") && e.getMessage().contains("whenever"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> read(base + ",\"escalation\":["
                + "{\"id\":\"late\",\"trigger\":\"overdue\",\"actions\":[],\"workingDays\":2}]}"));
        assertTrue(e.getMessage().contains("no actions"), e.getMessage());
    }

    private static RegionCatalogue read(String json) throws Exception {
        return RegionCatalogueReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "1");
    }

    /** Applying at a town where only the oblast's place offers the service goes to the oblast's offering. */
    @Test
    void anOfferingAtAPlaceAboveServesThePlacesBelowIt() throws Exception {
        String json = "{\"formatVersion\":1,\"region\":{\"id\":\"abc\",\"igovId\":1,\"name\":{\"uk\":\"А\"}},"
                + "\"places\":[{\"id\":1,\"name\":{\"uk\":\"Область\"},\"type\":\"oblast\",\"koatuu\":\"9900000000\"},"
                + "{\"id\":2,\"name\":{\"uk\":\"Район\"},\"type\":\"district\",\"koatuu\":\"9920000000\",\"parentId\":1},"
                + "{\"id\":3,\"name\":{\"uk\":\"Село\"},\"type\":\"village\",\"koatuu\":\"9920100000\",\"parentId\":2}],"
                + "\"authorities\":[{\"id\":7,\"name\":{\"uk\":\"ОДА\"}},{\"id\":8,\"name\":{\"uk\":\"РДА\"}}],"
                + "\"services\":[{\"id\":1,\"name\":{\"uk\":\"Акт\"},\"keywords\":[]},"
                + "{\"id\":2,\"name\":{\"uk\":\"Бланк\"},\"keywords\":[]},{\"id\":3,\"name\":{\"uk\":\"Витяг\"},\"keywords\":[]}],"
                + "\"offerings\":["
                + "{\"id\":10,\"serviceId\":1,\"placeId\":1,\"authorityId\":7,\"availability\":\"online\"},"
                + "{\"id\":11,\"serviceId\":1,\"placeId\":2,\"authorityId\":8,\"availability\":\"coming_soon\"},"
                + "{\"id\":12,\"serviceId\":2,\"placeId\":2,\"authorityId\":8,\"availability\":\"online\"},"
                + "{\"id\":13,\"serviceId\":3,\"authorityId\":7,\"availability\":\"online\"}]}";
        RegionIndex index = new RegionIndex(RegionCatalogueReader.read(new java.io.ByteArrayInputStream(
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "1"), new PluginOrigin("abc", "1"));
        assertEquals(10, index.onlineOffering(1, 3).orElseThrow().id(), "the village: the oblast's, the district's is not online");
        assertEquals(10, index.onlineOffering(1, 1).orElseThrow().id());
        assertEquals(10, index.onlineOffering(1, null).orElseThrow().id());
        assertEquals(12, index.onlineOffering(java.util.List.of(1, 2), 3).orElseThrow().id(),
                "of a type's two services, the nearest offering: the district's, not the oblast's");
        assertEquals(13, index.onlineOffering(3, 3).orElseThrow().id(), "one for the whole region, last");
        assertTrue(index.onlineOffering(java.util.List.of(1, 2, 3), 424242).isEmpty(), "not a place of this region");
    }
}
