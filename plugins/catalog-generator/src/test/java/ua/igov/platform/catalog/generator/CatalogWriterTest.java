package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class CatalogWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void generatingTwiceGivesIdenticalBytes(@TempDir Path first, @TempDir Path second) throws IOException {
        String csv = TestData.CSV_DIR.toString();
        RegionCatalogGenerator.main(new String[] {csv, first.toString(), "dnipropetrovsk", "lviv"});
        RegionCatalogGenerator.main(new String[] {csv, second.toString(), "dnipropetrovsk", "lviv"});
        for (String slug : List.of("dnipropetrovsk", "lviv")) {
            byte[] a = Files.readAllBytes(CatalogWriter.target(first, slug));
            byte[] b = Files.readAllBytes(CatalogWriter.target(second, slug));
            assertArrayEquals(a, b, slug);
            assertArrayEquals(Files.readAllBytes(RegionPluginPom.target(first, slug)),
                    Files.readAllBytes(RegionPluginPom.target(second, slug)), slug + " pom.xml");
        }
    }

    @Test
    void writesTheDocumentedLayout(@TempDir Path root) throws IOException {
        Path file = CatalogWriter.write(TestData.catalog("dnipropetrovsk"), root);
        assertEquals(root.resolve("region-dnipropetrovsk/src/main/resources/META-INF/igov/region.json"), file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "LF line ends only");
        assertTrue(text.endsWith("}\n"));
        assertTrue(text.startsWith("{\n  \"formatVersion\": 1,\n  \"region\": {\n    \"id\": \"dnipropetrovsk\","), text.substring(0, 80));
    }

    @Test
    void nullsAreWrittenOnlyWhereTheyMeanSomething() throws IOException {
        JsonNode root = JSON.readTree(CatalogWriter.toBytes(TestData.catalog("dnipropetrovsk")));
        assertEquals(List.of("formatVersion", "region", "places", "authorities", "services", "offerings"), fieldNames(root));

        JsonNode oblast = find(root.get("places"), 50001);
        assertTrue(oblast.has("parentId") && oblast.get("parentId").isNull(), "the oblast place has parentId null");

        JsonNode builtIn = find(root.get("offerings"), 3);
        assertEquals(List.of("id", "serviceId", "placeId", "authorityId", "availability", "loginMethods", "url", "note"),
                fieldNames(builtIn));
        assertTrue(builtIn.get("url").isNull());
        assertTrue(builtIn.get("note").isNull());

        List<String> nulls = new ArrayList<>();
        collectNulls(root, "", nulls);
        for (String path : nulls) {
            assertTrue(path.endsWith(".parentId") || path.endsWith(".url") || path.endsWith(".note"), path);
        }
    }

    /** Crimea and Sevastopol have places but no offerings; their files still carry every list, empty or not. */
    @Test
    void regionsWithoutOfferingsWriteEmptyLists() throws IOException {
        for (String slug : List.of("crimea", "sevastopol")) {
            JsonNode root = JSON.readTree(CatalogWriter.toBytes(TestData.catalog(slug)));
            assertEquals(List.of("formatVersion", "region", "places", "authorities", "services", "offerings"),
                    fieldNames(root), slug);
            for (String list : List.of("authorities", "services", "offerings")) {
                assertTrue(root.get(list).isArray() && root.get(list).isEmpty(), slug + " " + list);
            }
            assertFalse(root.get("places").isEmpty(), slug + " places");
        }
        String text = new String(CatalogWriter.toBytes(TestData.catalog("sevastopol")), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("  \"offerings\": []\n}\n"), text);
    }

    @Test
    void availabilityIsWrittenInLowerCase() throws IOException {
        JsonNode offering = find(JSON.readTree(CatalogWriter.toBytes(TestData.catalog("dnipropetrovsk"))).get("offerings"), 8);
        assertEquals("online", offering.get("availability").asText());
    }

    private static JsonNode find(JsonNode array, int id) {
        for (JsonNode node : array) {
            if (node.get("id").asInt() == id) {
                return node;
            }
        }
        throw new AssertionError("no id " + id);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectNulls(JsonNode node, String path, List<String> nulls) {
        if (node.isNull()) {
            nulls.add(path);
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectNulls(field.getValue(), path + "." + field.getKey(), nulls);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNulls(node.get(i), path + "[" + i + "]", nulls);
            }
        }
    }
}
