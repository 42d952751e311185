package ua.igov.platform.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;

/**
 * The catalogue issue's acceptance in the real assembly: citizens' search over every region, and a region plugin
 * updated and removed while the platform serves.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogueIT extends PlatformTestSupport {

    static final String REGION_BUNDLE = "ua.igov.platform.igov-region-dnipropetrovsk";

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    public void everyRegionIsServedAndSearchable() {
        awaitStatus("/health", 200);
        await("all 27 regions", () -> get("/regions").json().size() == 27);
        JsonNode stats = get("/catalogue/statistics").json();
        assertEquals(27, stats.get("regions").size());
        assertTrue(stats.at("/total/servicesByStatus/online").asInt() > 300);

        JsonNode lviv = get("/catalogue?region=lviv&size=5").json();
        assertTrue(lviv.get("total").asInt() > 100);
        assertEquals(5, lviv.get("items").size());
        assertEquals("lviv", lviv.at("/items/0/region").asText());
    }

    @Test
    public void searchFoldsCaseApostrophesAndLookAlikeLetters() {
        awaitStatus("/health", 200);
        long typed = get("/catalogue?q=" + encode("об'єкт")).json().get("total").asLong();
        assertTrue("'об'єкт' finds something", typed > 0);
        assertEquals(typed, get("/catalogue?q=" + encode("ОБʼЄКТ")).json().get("total").asLong());
        assertEquals(typed, get("/catalogue?q=" + encode("об’єкт")).json().get("total").asLong());

        // a Latin "i" typed inside a Cyrillic word (the catalogue itself has "Реєстрацiя") is the Cyrillic "і"
        long cyrillic = get("/catalogue?q=" + encode("реєстрація")).json().get("total").asLong();
        assertTrue("'реєстрація' finds something", cyrillic > 0);
        assertEquals(cyrillic, get("/catalogue?q=" + encode("реєстрац\u0069я")).json().get("total").asLong());
    }

    @Test
    public void myCityAndItsOblast() {
        awaitStatus("/health", 200);
        // Dnipro, KOATUU 1210100000 (place 1), in Dnipropetrovsk oblast (oblast-level place 50001)
        int total = get("/catalogue?place=1210100000&size=1").json().get("total").asInt();
        assertTrue(total > 50);
        Set<Integer> places = new HashSet<>();
        for (int page = 0; page * 100 < total; page++) {
            for (JsonNode item : get("/catalogue?place=1210100000&size=100&page=" + page).json().get("items")) {
                assertEquals("dnipropetrovsk", item.get("region").asText());
                item.get("places").forEach(p -> places.add(p.path("placeId").asInt(-1)));
            }
        }
        assertTrue("offerings in the city itself", places.contains(1));
        assertTrue("and the oblast's, which serve the city too", places.contains(50001));
        assertFalse("never another city's offerings", places.contains(2));
    }

    @Test
    public void badSearchesGetProblemsThatNameTheParameter() {
        awaitStatus("/health", 200);
        assertProblem(get("/catalogue?region=atlantis"), 400, "region");
        assertProblem(get("/catalogue?place=9999999999"), 400, "place");
        assertProblem(get("/catalogue?size=1000000"), 400, "size");
        Answer several = get("/catalogue?size=abc&status=open&category=Citizens");
        assertEquals(several.body(), 400, several.status());
        assertEquals("every bad parameter at once, a number that is none among them", List.of("size", "status", "category"),
                several.json().get("errors").findValuesAsText("field"));
        assertProblem(get("/catalogue?category=Citizens"), 400, "category");
        assertEquals(get("/catalogue?category=citizen").json().get("total").asLong(),
                get("/catalogue?category=Citizen").json().get("total").asLong());
        assertProblem(get("/catalogue?q="), 400, "q");
        assertProblem(get("/catalogue?q=" + "x".repeat(5_000)), 400, "q");
        Answer tenKilobytes = get("/catalogue?q=" + "x".repeat(10_240));
        assertTrue("a 10 kB query string is refused with a 4xx, was " + tenKilobytes.status(),
                tenKilobytes.status() >= 400 && tenKilobytes.status() < 500);
        Answer unknownRegion = get("/regions/atlantis/services");
        assertEquals(404, unknownRegion.status());
        assertEquals("urn:igov:problem:unknown-region", unknownRegion.json().get("type").asText());
    }

    private static void assertProblem(Answer answer, int status, String field) {
        assertEquals(answer.body(), status, answer.status());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals(field, answer.json().at("/errors/0/field").asText());
    }

    @Test
    public void regionUpdatedAtomicallyWithItsHistoryAndRemovedWhileServing() throws Exception {
        awaitStatus("/regions/dnipropetrovsk/services", 200);
        Bundle region = bundle(REGION_BUNDLE);
        byte[] original = java.nio.file.Files.readAllBytes(new File(System.getProperty("igov.test.regionJar")).toPath());
        JsonNode catalogue = JSON.readTree(entry(original, "META-INF/igov/region.json"));

        // v2: the one "coming soon" offering goes online, one offering is withdrawn
        ObjectNode v2 = catalogue.deepCopy();
        ArrayNode offerings = (ArrayNode) v2.get("offerings");
        int promoted = -1;
        for (JsonNode o : offerings) {
            if (o.get("availability").asText().equals("coming_soon")) {
                ((ObjectNode) o).put("availability", "online");
                promoted = o.get("id").asInt();
                break;
            }
        }
        assertTrue("the data has a coming_soon offering", promoted > 0);
        Set<Integer> visibleServices = new HashSet<>();
        v2.get("services").forEach(svc -> {
            if (!svc.path("test").asBoolean(false)) {
                visibleServices.add(svc.get("id").asInt());
            }
        });
        int withdrawnAt = -1;
        for (int i = 0; i < offerings.size() && withdrawnAt < 0; i++) {
            if (visibleServices.contains(offerings.get(i).get("serviceId").asInt())
                    && offerings.get(i).get("id").asInt() != promoted) {
                withdrawnAt = i;
            }
        }
        int withdrawn = offerings.get(withdrawnAt).get("id").asInt();
        offerings.remove(withdrawnAt);

        int before = get("/catalogue/statistics").json().at("/total/offerings").asInt();
        int regionBefore = regionOfferings();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean reading = new AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicReference<Throwable> readerFailed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread citizen = new Thread(() -> {
            try {
                while (reading.get()) {
                    JsonNode stats = get("/catalogue/statistics").json();
                    seen.add(stats.at("/total/offerings").asInt());
                }
            } catch (Throwable e) {
                readerFailed.set(e); // a thread's failure is not the test's unless it is handed over
            }
        });
        try (StoppedBundles stopped = new StoppedBundles(REGION_BUNDLE)) {
            citizen.start();
            await("the citizen reads before the update", () -> !seen.isEmpty());
            region.update(new ByteArrayInputStream(withCatalogue(original, v2, "0.1.1")));
            await("version 0.1.1 served", () -> get("/regions").body().contains("\"version\":\"0.1.1\""));
            int readsSoFar = seen.size();
            await("the citizen reads after the update", () -> seen.size() > readsSoFar);
            reading.set(false);
            citizen.join();
            if (readerFailed.get() != null) {
                throw new AssertionError("the citizen's reads failed", readerFailed.get());
            }

            int after = get("/catalogue/statistics").json().at("/total/offerings").asInt();
            assertEquals(before - 1, after);
            assertEquals(regionBefore - 1, regionOfferings());
            // while the bundle is updated the region is briefly absent; it is never there half old, half new
            Set<Integer> whole = Set.of(before, after, before - regionBefore);
            for (int total : seen) {
                assertTrue("a citizen saw " + total + " offerings: not a whole catalogue " + whole, whole.contains(total));
            }
            assertTrue("reads before and after the update: " + seen, seen.contains(before) && seen.contains(after));
            int offeringId = promoted;
            await("the history records the change", () -> get("/regions/dnipropetrovsk/offerings/" + offeringId + "/history")
                    .json().size() >= 2);
            JsonNode history = get("/regions/dnipropetrovsk/offerings/" + offeringId + "/history").json();
            JsonNode last = history.get(history.size() - 1);
            assertEquals("coming_soon", last.get("from").asText());
            assertEquals("online", last.get("to").asText());
            assertEquals("0.1.1", last.get("catalogueVersion").asText());
            JsonNode gone = get("/regions/dnipropetrovsk/offerings/" + withdrawn + "/history").json();
            assertEquals("withdrawn", gone.get(gone.size() - 1).get("to").asText());

            // removed while serving: the region answers 404; other regions are untouched
            uninstallFeature(REGION_FEATURE);
            assertEquals("urn:igov:problem:unknown-region",
                    awaitStatus("/regions/dnipropetrovsk/services", 404).json().get("type").asText());
            assertEquals(200, get("/regions/lviv/services").status());
            assertEquals(26, get("/regions").json().size());
            assertEquals(List.of(), stopped.others());
        } finally {
            reading.set(false);
            if (!features.isInstalled(features.getFeature(REGION_FEATURE))) {
                installFeature(REGION_FEATURE);
            }
            Bundle back = bundle(REGION_BUNDLE);
            if (!back.getVersion().toString().startsWith("0.1.0")) {
                back.update(new ByteArrayInputStream(original));
            }
        }
        awaitStatus("/regions/dnipropetrovsk/services", 200);
    }

    private int regionOfferings() {
        for (JsonNode r : get("/catalogue/statistics").json().get("regions")) {
            if (r.get("region").asText().equals("dnipropetrovsk")) {
                return r.at("/counts/offerings").asInt();
            }
        }
        return 0;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : bundleContext.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static byte[] entry(byte[] jar, String name) throws Exception {
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " not in the jar");
    }

    /** The same bundle with another catalogue file and version: what a region's staff would redeploy. */
    private static byte[] withCatalogue(byte[] jar, JsonNode catalogue, String version) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.jar.JarInputStream in = new java.util.jar.JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    if (e.getName().equals("META-INF/igov/region.json")) {
                        out.write(JSON.writeValueAsBytes(catalogue));
                    } else {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
