package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The region.json committed in the region plugins must be exactly what the generator makes from the committed CSVs,
 * so hand edits and a changed generator both show up here. To accept a change, run plugins/generate-regions.sh.
 */
class CommittedRegionDataTest {

    @Test
    void dnipropetrovskIsUpToDate() throws IOException {
        Path committed = CatalogWriter.target(TestData.PLUGINS_DIR, "dnipropetrovsk");
        assertTrue(Files.isRegularFile(committed), committed + " is missing");
        byte[] expected = CatalogWriter.toBytes(TestData.catalog("dnipropetrovsk"));
        byte[] actual = Files.readAllBytes(committed);
        String hint = committed + " differs from the generator's output; run plugins/generate-regions.sh dnipropetrovsk";

        // Report the first differing line: the file is far too long to print whole.
        List<String> expectedLines = new String(expected, StandardCharsets.UTF_8).lines().toList();
        List<String> actualLines = new String(actual, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.min(expectedLines.size(), actualLines.size()); i++) {
            assertEquals(expectedLines.get(i), actualLines.get(i), hint + " (line " + (i + 1) + ")");
        }
        assertEquals(expectedLines.size(), actualLines.size(), hint + " (line count)");
        assertArrayEquals(expected, actual, hint + " (line ends or final newline)");
    }
}
