package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line: {@code <csv-dir> <plugins-dir> [--build-files] [region-slug...]}.
 * <p>
 * For each named region, or for all 27 when none is named, writes the region plugin:
 * {@code <plugins-dir>/region-<slug>/src/main/resources/META-INF/igov/region.json} and
 * {@code <plugins-dir>/region-<slug>/pom.xml}. With {@code --build-files} it also rewrites the region lists of the
 * shared build files of the project that holds {@code <plugins-dir>} ({@link SharedBuildFiles}); those always list
 * every region. Running it again on the same CSVs rewrites identical bytes.
 */
public final class RegionCatalogGenerator {

    static final String BUILD_FILES_OPTION = "--build-files";

    private RegionCatalogGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RegionCatalogGenerator <csv-dir> <plugins-dir> [" + BUILD_FILES_OPTION + "] [region-slug...]");
            System.err.println("region slugs: " + RegionDirectory.ENTRIES.stream().map(RegionDirectory.Entry::slug).toList());
            System.exit(2);
        }
        Path csvDir = Path.of(args[0]);
        Path outputRoot = Path.of(args[1]);
        if (!Files.isRegularFile(csvDir.resolve("offerings.csv"))) {
            throw new IllegalArgumentException(csvDir + " does not hold the iGov catalogue CSVs");
        }
        boolean buildFiles = false;
        List<String> slugs = new ArrayList<>();
        for (String arg : List.of(args).subList(2, args.length)) {
            if (arg.equals(BUILD_FILES_OPTION)) {
                buildFiles = true;
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + arg + "; the only option is " + BUILD_FILES_OPTION);
            } else {
                slugs.add(arg);
            }
        }
        List<RegionDirectory.Entry> regions = regions(slugs);
        IgovDump dump = IgovDump.load(csvDir);
        Path projectRoot = outputRoot.toAbsolutePath().normalize().getParent();
        if (buildFiles) {
            // Check every marker before writing anything, so a bad build file cannot leave a half-regenerated tree.
            for (SharedBuildFiles shared : SharedBuildFiles.values()) {
                SharedBuildFiles.currentLines(Files.readString(shared.file(projectRoot)), shared.path());
            }
        }
        RegionPluginPom.template(); // fails early if the template is missing or unfiltered
        CatalogMapper mapper = new CatalogMapper(dump);
        for (RegionDirectory.Entry region : regions) {
            RegionCatalog catalog = mapper.map(region);
            Path file = CatalogWriter.write(catalog, outputRoot);
            RegionPluginPom.write(catalog.region(), outputRoot);
            System.out.printf("%s: %d places, %d authorities, %d services, %d offerings -> %s (and pom.xml)%n",
                    region.slug(), catalog.places().size(), catalog.authorities().size(),
                    catalog.services().size(), catalog.offerings().size(), file);
        }
        if (buildFiles) {
            List<RegionCatalog.Region> all = SharedBuildFiles.allRegions(dump);
            for (SharedBuildFiles shared : SharedBuildFiles.values()) {
                boolean changed = shared.update(projectRoot, all);
                System.out.printf("%s: %d regions, %s%n", shared.path(), all.size(), changed ? "updated" : "unchanged");
            }
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
