package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pom.xml of a region plugin, made from one template (src/main/templates/region-plugin-pom.xml) so that every
 * region bundle is built the same way. Maven fills in the parent version when it copies the template; this class
 * fills in the region: {@code {{slug}}}, {@code {{enName}}} and {@code {{ukName}}}.
 */
final class RegionPluginPom {

    static final String TEMPLATE_RESOURCE = "/templates/region-plugin-pom.xml";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private RegionPluginPom() {
    }

    static String template() {
        try (InputStream in = RegionPluginPom.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE_RESOURCE + " is not on the class path; build the generator with Maven");
            }
            String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (template.contains("${")) {
                throw new IllegalStateException(TEMPLATE_RESOURCE + " was not filtered by Maven: " + template);
            }
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(RegionCatalog.Region region) {
        Matcher matcher = PLACEHOLDER.matcher(template());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "slug" -> region.id();
                case "enName" -> region.name().en();
                case "ukName" -> region.name().uk();
                default -> throw new IllegalStateException("unknown placeholder " + matcher.group() + " in " + TEMPLATE_RESOURCE);
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(Xml.escape(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static byte[] toBytes(RegionCatalog.Region region) {
        return render(region).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <output-root>/region-<slug>/pom.xml}. */
    static Path target(Path outputRoot, String slug) {
        return outputRoot.resolve("region-" + slug).resolve("pom.xml");
    }

    static Path write(RegionCatalog.Region region, Path outputRoot) throws IOException {
        Path file = target(outputRoot, region.id());
        Files.createDirectories(file.getParent());
        Files.write(file, toBytes(region));
        return file;
    }
}
