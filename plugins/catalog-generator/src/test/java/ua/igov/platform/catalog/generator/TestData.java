package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The catalogue extract shipped in this module, loaded once for all tests (Surefire runs in the module folder). */
final class TestData {

    static final Path CSV_DIR = Path.of("src/main/data/igov-catalog");
    static final Path README = CSV_DIR.resolve("README.md");
    /** The plugins folder, where the generator writes region-<slug>/... */
    static final Path PLUGINS_DIR = Path.of("..");
    /** The checkout's root, which holds plugins/, features/ and karaf-assembly/. */
    static final Path PROJECT_ROOT = PLUGINS_DIR.toAbsolutePath().normalize().getParent();

    private static IgovDump dump;

    private TestData() {
    }

    static synchronized IgovDump dump() {
        if (dump == null) {
            try {
                dump = IgovDump.load(CSV_DIR);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dump;
    }

    static RegionCatalog.Region header(String slug) {
        return RegionDirectory.header(RegionDirectory.bySlug(slug).orElseThrow(), dump());
    }

    static RegionCatalog catalog(String slug) {
        return new CatalogMapper(dump()).map(RegionDirectory.bySlug(slug).orElseThrow());
    }
}
