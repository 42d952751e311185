package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RegionCatalogGeneratorTest {

    @Test
    void noSlugMeansEveryRegion() {
        assertEquals(27, RegionCatalogGenerator.regions(List.of()).size());
    }

    @Test
    void slugsSelectRegionsInTheGivenOrder() {
        assertEquals(List.of(16, 1), RegionCatalogGenerator.regions(List.of("kyiv", "dnipropetrovsk")).stream()
                .map(RegionDirectory.Entry::igovId).toList());
    }

    @Test
    void unknownSlugFailsBeforeWriting() {
        assertThrows(IllegalArgumentException.class,
                () -> RegionCatalogGenerator.regions(List.of("dnipropetrovsk", "dnepr")));
    }
}
