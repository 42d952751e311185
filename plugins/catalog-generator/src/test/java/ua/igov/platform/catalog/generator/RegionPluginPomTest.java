package ua.igov.platform.catalog.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ua.igov.platform.catalog.generator.XmlTestSupport.child;
import static ua.igov.platform.catalog.generator.XmlTestSupport.path;
import static ua.igov.platform.catalog.generator.XmlTestSupport.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class RegionPluginPomTest {

    static Stream<RegionDirectory.Entry> regions() {
        return RegionDirectory.ENTRIES.stream();
    }

    @Test
    void templateWasFilteredWithTheGeneratorsVersion() {
        String template = RegionPluginPom.template();
        assertFalse(template.contains("${"), template);
        Document pom = XmlTestSupport.parse(template);
        // The generator and the region plugins share the parent igov-plugins, so its version is this build's.
        assertEquals("0.1.0-SNAPSHOT", text(path(pom, "parent"), "version"));
    }

    @Test
    void dnipropetrovskPom() {
        Document pom = XmlTestSupport.parse(RegionPluginPom.render(TestData.header("dnipropetrovsk")));
        Element project = pom.getDocumentElement();
        Element parent = child(project, "parent");
        assertEquals("ua.igov.platform", text(parent, "groupId"));
        assertEquals("igov-plugins", text(parent, "artifactId"));
        assertEquals("igov-region-dnipropetrovsk", text(project, "artifactId"));
        assertEquals("bundle", text(project, "packaging"));
        assertEquals("iGov region :: Dnipropetrovsk Oblast", text(project, "name"));
        assertEquals("Дніпропетровська область: the region's catalogue of offerings, as data (no code).",
                text(project, "description"));

        Element plugin = path(pom, "build", "plugins", "plugin");
        assertEquals("maven-bundle-plugin", text(plugin, "artifactId"));
        Element instructions = child(child(plugin, "configuration"), "instructions");
        assertEquals(CatalogWriter.RESOURCE, text(instructions, "IGov-Region"));
        // A data bundle: it exports and imports no package.
        assertEquals("", text(instructions, "Export-Package"));
        assertEquals("", text(instructions, "Import-Package"));
        assertEquals(List.of("IGov-Region", "Export-Package", "Import-Package"), elementNames(instructions));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regions")
    void everyRegionGetsItsOwnWellFormedPom(RegionDirectory.Entry entry) {
        RegionCatalog.Region region = TestData.header(entry.slug());
        String xml = RegionPluginPom.render(region);
        assertFalse(xml.contains("{{"), "every placeholder is filled in");
        assertTrue(xml.endsWith("</project>\n"));
        assertFalse(xml.contains("\r"));
        Element project = XmlTestSupport.parse(xml).getDocumentElement();
        assertEquals("igov-region-" + entry.slug(), text(project, "artifactId"));
        assertEquals("iGov region :: " + entry.enName(), text(project, "name"));
        assertTrue(text(project, "description").startsWith(region.name().uk() + ": "), text(project, "description"));
    }

    @Test
    void namesAreEscapedForXml() {
        RegionCatalog.Region odd = new RegionCatalog.Region("odd", 99, null,
                new RegionCatalog.Name("Б & <В>", "A \"B\" & C"));
        Element project = XmlTestSupport.parse(RegionPluginPom.render(odd)).getDocumentElement();
        assertEquals("iGov region :: A \"B\" & C", text(project, "name"));
        assertTrue(text(project, "description").startsWith("Б & <В>: "));
    }

    @Test
    void pomLivesNextToTheRegionsSources() {
        assertEquals(Path.of("root/region-lviv/pom.xml"), RegionPluginPom.target(Path.of("root"), "lviv"));
    }

    private static List<String> elementNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < parent.getChildNodes().getLength(); i++) {
            if (parent.getChildNodes().item(i) instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }
}
