package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command line: {@code <csv-dir> <output-root> [region-slug...]}.
 * Writes {@code <output-root>/region-<slug>/src/main/resources/META-INF/igov/region.json} for each named region,
 * or for all 27 when none is named. Running it again on the same CSVs rewrites identical bytes.
 */
public final class RegionCatalogGenerator {

    private RegionCatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RegionCatalogGenerator <csv-dir> <output-root> [region-slug...]");
            System.err.println("region slugs: " + RegionDirectory.ENTRIES.stream().map(RegionDirectory.Entry::slug).toList());
            System.exit(2);
        }
        Path csvDir = Path.of(args[0]);
        Path outputRoot = Path.of(args[1]);
        if (!Files.isRegularFile(csvDir.resolve("offerings.csv"))) {
            throw new IllegalArgumentException(csvDir + " does not hold the iGov catalogue CSVs");
        }
        List<RegionDirectory.Entry> regions = regions(Arrays.asList(args).subList(2, args.length));
        CatalogMapper mapper = new CatalogMapper(IgovDump.load(csvDir));
        for (RegionDirectory.Entry region : regions) {
            RegionCatalog catalog = mapper.map(region);
            Path file = CatalogWriter.write(catalog, outputRoot);
            System.out.printf("%s: %d places, %d authorities, %d services, %d offerings -> %s%n",
                    region.slug(), catalog.places().size(), catalog.authorities().size(),
                    catalog.services().size(), catalog.offerings().size(), file);
        }
    }

    /** Unknown slugs fail before anything is written, so a typo cannot leave a half-regenerated tree. */
    static List<RegionDirectory.Entry> regions(List<String> slugs) {
        if (slugs.isEmpty()) {
            return RegionDirectory.ENTRIES;
        }
        List<RegionDirectory.Entry> regions = new ArrayList<>();
        for (String slug : slugs) {
            regions.add(RegionDirectory.bySlug(slug).orElseThrow(() -> new IllegalArgumentException(
                    "unknown region slug '" + slug + "'; known: "
                            + RegionDirectory.ENTRIES.stream().map(RegionDirectory.Entry::slug).toList())));
        }
        return regions;
    }
}
