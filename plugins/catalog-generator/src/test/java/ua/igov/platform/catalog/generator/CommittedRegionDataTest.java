package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The region plugins committed under plugins/ must be exactly what the generator makes from the committed CSVs and
 * template: one plugin per region of the directory, each with its region.json and pom.xml. Hand edits and a changed
 * generator both show up here. To accept a change, run plugins/generate-regions.sh.
 */
class CommittedRegionDataTest {

    static Stream<RegionDirectory.Entry> regions() {
        return RegionDirectory.ENTRIES.stream();
    }

    @Test
    void everyRegionAndNothingElseHasAPluginFolder() throws IOException {
        Set<String> folders;
        try (Stream<Path> children = Files.list(TestData.PLUGINS_DIR)) {
            folders = children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("region-"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> expected = regions().map(e -> "region-" + e.slug()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(27, expected.size());
        assertEquals(expected, folders);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void regionJsonIsUpToDate(RegionDirectory.Entry region) throws IOException {
        Path committed = CatalogWriter.target(TestData.PLUGINS_DIR, region.slug());
        assertSameText(CatalogWriter.toBytes(TestData.catalog(region.slug())), committed, region.slug());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void pluginPomIsUpToDate(RegionDirectory.Entry region) throws IOException {
        Path committed = RegionPluginPom.target(TestData.PLUGINS_DIR, region.slug());
        RegionCatalog.Region header = RegionDirectory.header(region, TestData.dump());
        assertSameText(RegionPluginPom.toBytes(header), committed, region.slug());
    }

    /** Reports the first differing line: region files are far too long to print whole. */
    private static void assertSameText(byte[] expected, Path committed, String slug) throws IOException {
        assertTrue(Files.isRegularFile(committed), committed + " is missing; run plugins/generate-regions.sh " + slug);
        byte[] actual = Files.readAllBytes(committed);
        String hint = committed + " differs from the generator's output; run plugins/generate-regions.sh " + slug;
        List<String> expectedLines = new String(expected, StandardCharsets.UTF_8).lines().toList();
        List<String> actualLines = new String(actual, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.min(expectedLines.size(), actualLines.size()); i++) {
            assertEquals(expectedLines.get(i), actualLines.get(i), hint + " (line " + (i + 1) + ")");
        }
        assertEquals(expectedLines.size(), actualLines.size(), hint + " (line count)");
        assertArrayEquals(expected, actual, hint + " (line ends or final newline)");
    }
}
