package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import ua.igov.platform.catalog.generator.RegionCatalog.Availability;

class CatalogMapperTest {

    static Stream<RegionDirectory.Entry> regions() {
        return RegionDirectory.ENTRIES.stream();
    }

    @ParameterizedTest(name = "{0} hidden={1} test={2} -> {3}")
    @CsvSource({
            "built_in,       false, false, ONLINE",
            "external_link,  false, false, INFO_ONLY",
            "auth_then_link, false, false, INFO_ONLY",
            "api_link,       false, false, INFO_ONLY",
            "built_in,       true,  false, COMING_SOON",
            "external_link,  true,  false, COMING_SOON",
            "built_in,       false, true,  IN_WORK",
            "api_link,       true,  true,  IN_WORK",
    })
    void availabilityFollowsIgovFlags(String serviceType, boolean hidden, boolean test, Availability expected) {
        assertEquals(expected, Availability.of(serviceType, hidden, test));
    }

    @Test
    void unknownServiceTypeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Availability.of("teleport", false, false));
    }

    @Test
    void loginMethodsRenameMpbdsAndKeepOrder() {
        assertEquals(List.of("BankID", "EDS", "IDcard"), CatalogMapper.loginMethods("BankID,EDS,mpbds"));
        assertEquals(List.of("email", "BankID", "EDS", "IDcard"), CatalogMapper.loginMethods("email,BankID,EDS,mpbds"));
        assertEquals(List.of(), CatalogMapper.loginMethods(null));
    }

    @Test
    void keywordsAreTrimmedAndBlanksDropped() {
        assertEquals(List.of("несудимість", "відсутність"), CatalogMapper.keywords(" несудимість,  відсутність ,, "));
        assertEquals(List.of(), CatalogMapper.keywords(null));
    }

    @Test
    void dnipropetrovskHeaderAndFirstPlace() {
        RegionCatalog catalog = TestData.catalog("dnipropetrovsk");
        assertEquals(1, catalog.formatVersion());
        assertEquals(new RegionCatalog.Region("dnipropetrovsk", 1, "1200000000",
                new RegionCatalog.Name("Дніпропетровська область", "Dnipropetrovsk Oblast")), catalog.region());
        assertEquals(new RegionCatalog.Place(1,
                new RegionCatalog.Name("Дніпро (Дніпропетровськ)", "Dnipro (Dnipropetrovsk)"),
                "city", "1210100000", 50001), catalog.places().get(0));
    }

    @Test
    void citiesKeepTheirSpecialNames() {
        assertEquals(new RegionCatalog.Name("м. Київ", "Kyiv City"), TestData.catalog("kyiv-city").region().name());
        assertEquals(new RegionCatalog.Name("Київська область", "Kyiv Oblast"), TestData.catalog("kyiv").region().name());
        assertEquals(new RegionCatalog.Name("м. Севастополь", "Sevastopol City"), TestData.catalog("sevastopol").region().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void everyReferenceResolvesInsideTheRegionFile(RegionDirectory.Entry region) {
        RegionCatalog catalog = TestData.catalog(region.slug());
        Set<Integer> placeIds = ids(catalog.places(), RegionCatalog.Place::id);
        Set<Integer> serviceIds = ids(catalog.services(), RegionCatalog.Service::id);
        Set<Integer> authorityIds = ids(catalog.authorities(), RegionCatalog.Authority::id);
        // Nothing more than what the offerings reference, and nothing less.
        assertEquals(ids(catalog.offerings(), RegionCatalog.Offering::serviceId), serviceIds);
        assertEquals(ids(catalog.offerings(), RegionCatalog.Offering::authorityId), authorityIds);
        for (RegionCatalog.Offering offering : catalog.offerings()) {
            assertTrue(placeIds.contains(offering.placeId()), "offering " + offering.id() + " place");
        }
        int oblastPlace = CatalogMapper.OBLAST_PLACE_OFFSET + region.igovId();
        assertTrue(placeIds.contains(oblastPlace), "oblast-level place present");
        for (RegionCatalog.Place place : catalog.places()) {
            if (place.id() == oblastPlace) {
                assertNull(place.parentId(), "the oblast place is the root");
            } else {
                assertTrue(placeIds.contains(place.parentId()), "place " + place.id() + " parent in region");
            }
            assertNotNull(place.name().en());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void listsAreSortedById(RegionDirectory.Entry region) {
        RegionCatalog catalog = TestData.catalog(region.slug());
        assertAll(
                () -> assertSorted(catalog.places(), RegionCatalog.Place::id),
                () -> assertSorted(catalog.authorities(), RegionCatalog.Authority::id),
                () -> assertSorted(catalog.services(), RegionCatalog.Service::id),
                () -> assertSorted(catalog.offerings(), RegionCatalog.Offering::id));
    }

    @Test
    void urlOnlyOnLinkOfferings() {
        Map<Integer, String> typeById = TestData.dump().offerings().stream()
                .collect(Collectors.toMap(r -> r.requiredInt("id"), r -> r.requiredText("service_type")));
        for (RegionDirectory.Entry region : RegionDirectory.ENTRIES) {
            for (RegionCatalog.Offering offering : TestData.catalog(region.slug()).offerings()) {
                boolean builtIn = typeById.get(offering.id()).equals("built_in");
                if (builtIn) {
                    assertNull(offering.url(), "offering " + offering.id());
                } else {
                    assertNotNull(offering.url(), "offering " + offering.id());
                }
                assertFalse(offering.loginMethods().contains("mpbds"));
            }
        }
    }

    @Test
    void dnipropetrovskAvailabilityBreakdown() {
        Map<Availability, Long> counts = TestData.catalog("dnipropetrovsk").offerings().stream()
                .collect(Collectors.groupingBy(RegionCatalog.Offering::availability, Collectors.counting()));
        // 1445 live offerings in the README: 1444 built-in plus 1 external link.
        assertEquals(Map.of(Availability.ONLINE, 1444L, Availability.INFO_ONLY, 1L,
                Availability.COMING_SOON, 1L, Availability.IN_WORK, 313L), counts);
    }

    private static <T> Set<Integer> ids(List<T> items, Function<T, Integer> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }

    private static <T> void assertSorted(List<T> items, Function<T, Integer> id) {
        List<T> sorted = items.stream().sorted(Comparator.comparing(id)).toList();
        assertEquals(sorted, items);
        assertEquals(items.size(), ids(items, id).size(), "ids are unique");
    }
}
