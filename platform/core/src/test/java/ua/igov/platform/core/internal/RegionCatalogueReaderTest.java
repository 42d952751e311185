package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Availability;
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
    }
}
