package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ua.igov.platform.core.CatalogueQuery;
import ua.igov.platform.spi.Availability;
import ua.igov.platform.spi.RegionCatalogue;

/**
 * The platform's own reader against every region plugin's committed data: each region's rows arrive whole, with the
 * counts the catalogue's README publishes, and the whole catalogue is searchable.
 */
class AllRegionsImportTest {

    private static final Path PLUGINS = Path.of("..", "..", "plugins");
    private static final Path README = PLUGINS.resolve("catalog-generator/src/main/data/igov-catalog/README.md");
    private static final Map<String, RegionCatalogue> BY_KOATUU_NAME = new HashMap<>();
    private static final List<RegionCatalogue> ALL = new ArrayList<>();

    @BeforeAll
    static void readEveryRegion() throws Exception {
        try (Stream<Path> dirs = Files.list(PLUGINS)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("region-")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(dir.resolve("src/main/resources/META-INF/igov/region.json"))) {
                    RegionCatalogue catalogue = RegionCatalogueReader.read(in, "test");
                    ALL.add(catalogue);
                    BY_KOATUU_NAME.put(String.valueOf(catalogue.region().igovId()), catalogue);
                }
            }
        }
    }

    /** region id → {places, offerings, live offerings} from the README's per-region table. */
    private static Map<String, int[]> readmeFigures() throws Exception {
        Pattern row = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|[^|]*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)\\s*\\|");
        Map<String, int[]> figures = new HashMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                figures.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4))});
            }
        }
        return figures;
    }

    @Test
    void all27RegionsAreReadWithTheReadmesRowCounts() throws Exception {
        Map<String, int[]> figures = readmeFigures();
        assertEquals(27, ALL.size());
        assertEquals(27, figures.size());
        for (Map.Entry<String, int[]> f : figures.entrySet()) {
            RegionCatalogue c = BY_KOATUU_NAME.get(f.getKey());
            String region = "region " + f.getKey();
            assertEquals(f.getValue()[0], c.places().size(), region + " places");
            assertEquals(f.getValue()[1], c.offerings().size(), region + " offerings");
            long live = c.offerings().stream()
                    .filter(o -> o.availability() == Availability.ONLINE || o.availability() == Availability.INFO_ONLY)
                    .count();
            assertEquals(f.getValue()[2], live, region + " live offerings");
        }
        assertEquals(680, ALL.stream().mapToInt(c -> c.places().size()).sum());
        assertEquals(4910, ALL.stream().mapToInt(c -> c.offerings().size()).sum());
    }

    @Test
    void theWholeCatalogueIsSearchable() throws Exception {
        ApplicationManagerTest.FakePlugins one = new ApplicationManagerTest.FakePlugins();
        long total = 0;
        for (RegionCatalogue c : ALL) {
            one.region = new RegionIndex(c, new PluginOrigin("test", "1"));
            CatalogueManager catalogue = new CatalogueManager(one, new DerbyStores().applications, new NoHistory(), java.time.Clock.systemUTC());
            long found = catalogue.search(new CatalogueQuery(null, null, null, null, null, null, 0, 1)).total();
            // what a citizen can find: every non-test service that has an offering in the region, counted from the raw rows
            java.util.Set<Integer> testServices = new java.util.HashSet<>();
            c.services().stream().filter(ua.igov.platform.spi.CatalogueService::test).forEach(s -> testServices.add(s.id()));
            long expected = c.offerings().stream().map(ua.igov.platform.spi.Offering::serviceId)
                    .filter(id -> !testServices.contains(id)).distinct().count();
            assertEquals(expected, found, c.region().id());
            total += found;
        }
        assertTrue(total > 1000, "visible (service, region) entries: " + total);
    }

    static final class NoHistory implements ua.igov.platform.store.CatalogueStore {
        public int recordCatalogue(String r, String v, List<ua.igov.platform.store.OfferingState> o, java.time.Instant at) {
            return 0;
        }

        public List<ua.igov.platform.store.OfferingStatusChange> offeringHistory(String r, int id) {
            return List.of();
        }

        public Map<Integer, Long> applicationCounts(String r) {
            return Map.of();
        }
    }
}
