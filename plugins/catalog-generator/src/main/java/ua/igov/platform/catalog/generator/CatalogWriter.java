package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Serialises a {@link RegionCatalog} as the region.json of a region plugin.
 * The output is meant to be committed and reviewed in diffs, so it is pretty-printed with LF line ends
 * (never the platform's separator), two-space indents, "key": value, and a final newline.
 */
final class CatalogWriter {

    /** Where a region plugin keeps its catalogue; the platform core reads this path at bundle start. */
    static final String RESOURCE = "META-INF/igov/region.json";

    private static final ObjectWriter WRITER = createWriter();

    private CatalogWriter() {
    }

    private static ObjectWriter createWriter() {
        // Optional values are left out; RegionCatalog marks the few fields whose null is written.
        ObjectMapper mapper = new ObjectMapper().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return mapper.writer(printer);
    }

    static byte[] toBytes(RegionCatalog catalog) throws IOException {
        byte[] json = WRITER.writeValueAsBytes(catalog);
        byte[] withNewline = Arrays.copyOf(json, json.length + 1);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    /** The file of region {@code slug} under {@code outputRoot} (the plugins folder). */
    static Path target(Path outputRoot, String slug) {
        return outputRoot.resolve("region-" + slug).resolve("src/main/resources").resolve(RESOURCE);
    }

    static Path write(RegionCatalog catalog, Path outputRoot) throws IOException {
        Path file = target(outputRoot, catalog.region().id());
        Files.createDirectories(file.getParent());
        Files.write(file, toBytes(catalog));
        return file;
    }
}
