package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each region's catalogue against the figures the extract's README publishes for it. */
class RegionFiguresTest {

    private static Map<Integer, ReadmeFigures> readme;

    @BeforeAll
    static void readReadme() throws IOException {
        readme = ReadmeFigures.read(TestData.README);
    }

    static Stream<RegionDirectory.Entry> regions() {
        return RegionDirectory.ENTRIES.stream();
    }

    @Test
    void readmeListsExactlyTheRegionsOfTheDirectory() {
        Set<Integer> readmeIds = new TreeSet<>(readme.keySet());
        readmeIds.remove(0);
        Set<Integer> directoryIds = regions().map(RegionDirectory.Entry::igovId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(27, directoryIds.size());
        assertEquals(directoryIds, readmeIds);
        assertEquals(directoryIds, new TreeSet<>(TestData.dump().regions().keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void matchesReadme(RegionDirectory.Entry region) {
        RegionCatalog catalog = TestData.catalog(region.slug());
        ReadmeFigures expected = readme.get(region.igovId());
        assertAll(region.slug(),
                () -> assertEquals(expected.places(), catalog.places().size(), "places"),
                () -> assertEquals(expected.offerings(), catalog.offerings().size(), "offerings"),
                () -> assertEquals(expected.liveOfferings(), liveOfferings(catalog).count(), "live offerings"),
                () -> assertEquals(expected.liveServices(), liveServiceIds(catalog).size(), "live services"),
                () -> assertEquals(expected.liveNonTestServices(), liveNonTestServices(catalog), "live non-test services"));
    }

    @Test
    void allRegionsTogetherMatchTheReadmeTotals() {
        ReadmeFigures all = readme.get(0);
        int places = 0;
        int offerings = 0;
        long live = 0;
        for (RegionDirectory.Entry region : RegionDirectory.ENTRIES) {
            RegionCatalog catalog = TestData.catalog(region.slug());
            places += catalog.places().size();
            offerings += catalog.offerings().size();
            live += liveOfferings(catalog).count();
        }
        assertEquals(all.places(), places);
        assertEquals(all.offerings(), offerings);
        assertEquals(all.liveOfferings(), live);
    }

    private static Stream<RegionCatalog.Offering> liveOfferings(RegionCatalog catalog) {
        return catalog.offerings().stream().filter(o -> o.availability().live());
    }

    private static Set<Integer> liveServiceIds(RegionCatalog catalog) {
        return liveOfferings(catalog).map(RegionCatalog.Offering::serviceId).collect(Collectors.toSet());
    }

    private static long liveNonTestServices(RegionCatalog catalog) {
        Set<Integer> live = liveServiceIds(catalog);
        return catalog.services().stream().filter(s -> live.contains(s.id()) && !s.test()).count();
    }
}
