package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.igov.platform.catalog.generator.XmlTestSupport.children;
import static ua.igov.platform.catalog.generator.XmlTestSupport.path;
import static ua.igov.platform.catalog.generator.XmlTestSupport.text;
import static ua.igov.platform.catalog.generator.XmlTestSupport.texts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The region lists of the shared build files are generated between marker lines. The committed files must hold
 * exactly what the generator writes, and the lists must name every region plugin, so a region cannot be built but
 * not deployed, or deployed but not built.
 */
class SharedBuildFilesTest {

    private static final String B = SharedBuildFiles.BEGIN;
    private static final String E = SharedBuildFiles.END;

    private static List<RegionCatalog.Region> allRegions() {
        return SharedBuildFiles.allRegions(TestData.dump());
    }

    private static String committed(SharedBuildFiles file) throws IOException {
        return Files.readString(file.file(TestData.PROJECT_ROOT), StandardCharsets.UTF_8);
    }

    private static List<String> slugs() {
        return RegionDirectory.ENTRIES.stream().map(RegionDirectory.Entry::slug).sorted().toList();
    }

    private static List<String> prefixed(String prefix) {
        return slugs().stream().map(slug -> prefix + slug).toList();
    }

    // --- the committed files --------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(SharedBuildFiles.class)
    void committedBlockIsWhatTheGeneratorWrites(SharedBuildFiles file) throws IOException {
        String text = committed(file);
        String hint = file.path() + " differs from the generator's output; run plugins/generate-regions.sh";
        assertEquals(file.lines(allRegions()), SharedBuildFiles.currentLines(text, file.path()), hint);
        // Byte for byte too (indentation, line ends): regenerating leaves the committed file as it is.
        assertEquals(text, SharedBuildFiles.replaceBlock(text, file.lines(allRegions()), file.path()), hint);
    }

    @Test
    void pluginsReactorBuildsExactlyTheRegionPluginsAndKeepsTheOtherModules() throws IOException {
        List<String> modules = texts(children(path(XmlTestSupport.parse(committed(SharedBuildFiles.PLUGIN_MODULES)),
                "modules"), "module"));
        List<String> regionModules = modules.stream().filter(m -> m.startsWith("region-")).toList();
        assertEquals(27, regionModules.size());
        assertEquals(prefixed("region-"), regionModules);
        assertEquals(List.of("catalog-generator", "service-residence-registration", "service-land-cadastre-extract",
                        "service-civil-status-extract", "identity-dev", "channel-email", "channel-sms-file"),
                modules.stream().filter(m -> !m.startsWith("region-")).toList());
        for (String module : regionModules) {
            assertTrue(Files.isRegularFile(TestData.PLUGINS_DIR.resolve(module).resolve("pom.xml")), module);
        }
    }

    @Test
    void featuresRepositoryHasOneFeaturePerRegionAndKeepsTheOthers() throws IOException {
        Document features = XmlTestSupport.parse(committed(SharedBuildFiles.FEATURES));
        List<Element> all = children(features.getDocumentElement(), "feature");
        List<Element> regionFeatures = all.stream().filter(f -> f.getAttribute("name").startsWith("igov-region-")).toList();
        assertEquals(prefixed("igov-region-"), regionFeatures.stream().map(f -> f.getAttribute("name")).toList());
        Map<String, String> ukNames = new HashMap<>();
        allRegions().forEach(r -> ukNames.put(r.id(), r.name().uk()));
        for (Element feature : regionFeatures) {
            String slug = feature.getAttribute("name").substring("igov-region-".length());
            assertEquals("${project.version}", feature.getAttribute("version"));
            assertEquals("Region: " + ukNames.get(slug), feature.getAttribute("description"));
            assertEquals(List.of("mvn:ua.igov.platform/igov-region-" + slug + "/${project.version}"),
                    texts(children(feature, "bundle")));
            assertEquals(List.of(), children(feature, "feature"), "a region needs nothing but the platform");
        }
        assertEquals(List.of("igov-libraries", "igov-platform", "igov-api-docs-ui", "igov-service-residence-registration",
                        "igov-service-land-cadastre-extract", "igov-service-civil-status-extract", "igov-identity-dev", "igov-channel-email", "igov-channel-sms-file"),
                all.stream().map(f -> f.getAttribute("name")).filter(n -> !n.startsWith("igov-region-")).toList());
    }

    @Test
    void featuresModuleDependsOnEveryRegionBundleAndKeepsTheOthers() throws IOException {
        List<Element> dependencies = children(path(XmlTestSupport.parse(committed(SharedBuildFiles.FEATURE_DEPENDENCIES)),
                "dependencies"), "dependency");
        List<String> regionArtifacts = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Element dependency : dependencies) {
            assertEquals("ua.igov.platform", text(dependency, "groupId"));
            assertEquals("provided", text(dependency, "scope"));
            String artifact = text(dependency, "artifactId");
            if (artifact.startsWith("igov-region-")) {
                assertEquals("${project.version}", text(dependency, "version"), artifact);
                regionArtifacts.add(artifact);
            } else {
                others.add(artifact);
            }
        }
        assertEquals(prefixed("igov-region-"), regionArtifacts);
        assertEquals(List.of("igov-api", "igov-store", "igov-core", "igov-rest", "igov-shell", "igov-api-docs-ui", "igov-jetty-problems",
                "igov-service-residence-registration", "igov-service-land-cadastre-extract",
                "igov-service-civil-status-extract", "igov-identity-dev", "igov-channel-email", "igov-channel-sms-file"), others);
    }

    @Test
    void assemblyBootsEveryRegionAfterThePlatform() throws IOException {
        Document pom = XmlTestSupport.parse(committed(SharedBuildFiles.BOOT_FEATURES));
        List<String> boot = texts(children(path(pom, "build", "plugins", "plugin", "configuration", "bootFeatures"),
                "feature"));
        List<String> regions = boot.stream().filter(f -> f.startsWith("igov-region-")).toList();
        assertEquals(prefixed("igov-region-"), regions);
        assertEquals(List.of("wrap", "shell", "jaas", "ssh", "management", "bundle", "config", "deployer", "diagnostic",
                        "feature", "kar", "log", "package", "service", "system", "jdbc", "igov-platform", "igov-api-docs-ui",
                        "igov-service-residence-registration", "igov-service-land-cadastre-extract",
                        "igov-service-civil-status-extract", "igov-identity-dev", "igov-channel-email", "igov-channel-sms-file"),
                boot.stream().filter(f -> !f.startsWith("igov-region-")).toList());
        assertTrue(boot.indexOf("igov-platform") < boot.indexOf(regions.get(0)));
    }

    // --- rewriting a block ----------------------------------------------------------------------------------------

    @Test
    void onlyTheLinesBetweenTheMarkersChange() {
        String text = "<a>\n  <x/>\n  " + B + "\n  <old/>\n  <older/>\n  " + E + "\n  <y/>\n</a>";
        String once = SharedBuildFiles.replaceBlock(text, List.of("<new n=\"1\"/>", "<new n=\"2\"/>"), "t");
        assertEquals("<a>\n  <x/>\n  " + B + "\n  <new n=\"1\"/>\n  <new n=\"2\"/>\n  " + E + "\n  <y/>\n</a>", once);
        assertEquals(once, SharedBuildFiles.replaceBlock(once, List.of("<new n=\"1\"/>", "<new n=\"2\"/>"), "t"),
                "a second run changes nothing");
        assertEquals(List.of("<new n=\"1\"/>", "<new n=\"2\"/>"), SharedBuildFiles.currentLines(once, "t"));
        assertEquals("<a>\n  <x/>\n  " + B + "\n  " + E + "\n  <y/>\n</a>",
                SharedBuildFiles.replaceBlock(text, List.of(), "t"));
    }

    @Test
    void crlfFilesKeepTheirLineEnds() {
        String text = "<a>\r\n    " + B + "\r\n    " + E + "\r\n</a>\r\n";
        assertEquals("<a>\r\n    " + B + "\r\n    <m/>\r\n    " + E + "\r\n</a>\r\n",
                SharedBuildFiles.replaceBlock(text, List.of("<m/>"), "t"));
    }

    @Test
    void badMarkersAreRefused() {
        List<String> bad = List.of(
                "<a>\n</a>\n",                                          // no markers
                "<a>\n  " + B + "\n</a>\n",                             // no END
                "<a>\n  " + E + "\n  " + B + "\n</a>\n",                // END first
                "<a>\n  " + B + "\n  " + E + "\n  " + B + "\n  " + E + "\n</a>\n", // twice
                "<a>\n  <x/>" + B + "\n  " + E + "\n</a>\n",            // BEGIN not on its own line
                "<a>\n  " + B + "\n  <x/>" + E + "\n</a>\n");           // END not on its own line
        for (String text : bad) {
            assertThrows(IllegalStateException.class, () -> SharedBuildFiles.replaceBlock(text, List.of("<m/>"), "t"), text);
        }
    }

    // --- the generator's command line ----------------------------------------------------------------------------

    /** A copy of the four shared files under {@code root}, with their region blocks emptied. */
    private static Map<SharedBuildFiles, String> copyWithEmptyBlocks(Path root) throws IOException {
        Map<SharedBuildFiles, String> originals = new EnumMap<>(SharedBuildFiles.class);
        for (SharedBuildFiles file : SharedBuildFiles.values()) {
            String text = committed(file);
            originals.put(file, text);
            Path copy = file.file(root);
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, SharedBuildFiles.replaceBlock(text, List.of(), file.path()), StandardCharsets.UTF_8);
        }
        return originals;
    }

    @Test
    void buildFilesOptionFillsTheBlocksWithEveryRegionAndASecondRunChangesNothing(@TempDir Path root) throws IOException {
        Map<SharedBuildFiles, String> committed = copyWithEmptyBlocks(root);
        String[] args = {TestData.CSV_DIR.toString(), root.resolve("plugins").toString(), "crimea", "--build-files"};

        RegionCatalogGenerator.main(args);
        Map<SharedBuildFiles, byte[]> first = new EnumMap<>(SharedBuildFiles.class);
        for (SharedBuildFiles file : SharedBuildFiles.values()) {
            // One region named, but the lists name all 27, and the rest of each file is as committed.
            assertEquals(committed.get(file), Files.readString(file.file(root), StandardCharsets.UTF_8), file.path());
            first.put(file, Files.readAllBytes(file.file(root)));
        }
        assertTrue(Files.isRegularFile(root.resolve("plugins/region-crimea/pom.xml")));
        assertTrue(Files.isRegularFile(CatalogWriter.target(root.resolve("plugins"), "crimea")));
        assertFalse(Files.exists(root.resolve("plugins/region-lviv")), "only the named region's plugin is written");

        RegionCatalogGenerator.main(args);
        for (SharedBuildFiles file : SharedBuildFiles.values()) {
            assertArrayEquals(first.get(file), Files.readAllBytes(file.file(root)), file.path());
        }
    }

    @Test
    void withoutTheOptionTheSharedFilesAreNotTouched(@TempDir Path root) throws IOException {
        copyWithEmptyBlocks(root);
        RegionCatalogGenerator.main(new String[] {TestData.CSV_DIR.toString(), root.resolve("plugins").toString(), "sevastopol"});
        for (SharedBuildFiles file : SharedBuildFiles.values()) {
            assertEquals(List.of(), SharedBuildFiles.currentLines(Files.readString(file.file(root)), file.path()));
        }
        assertTrue(Files.isRegularFile(root.resolve("plugins/region-sevastopol/pom.xml")));
    }

    @Test
    void aFileWithoutMarkersStopsTheRunBeforeAnythingIsWritten(@TempDir Path root) throws IOException {
        copyWithEmptyBlocks(root);
        Path assembly = SharedBuildFiles.BOOT_FEATURES.file(root);
        Files.writeString(assembly, Files.readString(assembly).replace(E, "<!-- gone -->"));
        Map<SharedBuildFiles, byte[]> before = new EnumMap<>(SharedBuildFiles.class);
        for (SharedBuildFiles file : SharedBuildFiles.values()) {
            before.put(file, Files.readAllBytes(file.file(root)));
        }

        assertThrows(IllegalStateException.class, () -> RegionCatalogGenerator.main(
                new String[] {TestData.CSV_DIR.toString(), root.resolve("plugins").toString(), "--build-files", "lviv"}));
        assertFalse(Files.exists(root.resolve("plugins/region-lviv")));
        for (SharedBuildFiles file : SharedBuildFiles.values()) {
            assertArrayEquals(before.get(file), Files.readAllBytes(file.file(root)), file.path());
        }
    }

    @Test
    void unknownOptionsAreRefused(@TempDir Path root) {
        assertThrows(IllegalArgumentException.class, () -> RegionCatalogGenerator.main(
                new String[] {TestData.CSV_DIR.toString(), root.toString(), "--build-file"}));
    }
}
