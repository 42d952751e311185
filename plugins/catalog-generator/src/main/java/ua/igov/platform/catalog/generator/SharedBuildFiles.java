package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The region lists in the build files that every region plugin must appear in: the plugins reactor, the features
 * repository, the features module's dependencies and the assembly's boot features. Each file holds one block between
 * {@link #BEGIN} and {@link #END}; the generator rewrites the lines between the two markers and nothing else, so
 * the rest of the file stays as people wrote it. A block always lists every region of {@link RegionDirectory},
 * sorted by slug, whichever regions were regenerated, so the lists cannot fall behind the plugins.
 */
enum SharedBuildFiles {

    /** Reactor modules, so every region plugin is built. */
    PLUGIN_MODULES("plugins/pom.xml", region -> List.of(
            "<module>region-" + region.id() + "</module>")),

    /** Provided dependencies, so the reactor builds the region bundles before the features that name them. */
    FEATURE_DEPENDENCIES("features/pom.xml", region -> List.of(
            "<dependency><groupId>ua.igov.platform</groupId><artifactId>" + artifactId(region)
                    + "</artifactId><version>${project.version}</version><scope>provided</scope></dependency>")),

    /** One feature per region plugin, so each can be installed and removed on its own. */
    FEATURES("features/src/main/feature/features.xml", region -> List.of(
            "<feature name=\"" + artifactId(region) + "\" version=\"${project.version}\" description=\"Region: "
                    + Xml.escape(region.name().uk()) + "\">",
            "  <bundle>mvn:ua.igov.platform/" + artifactId(region) + "/${project.version}</bundle>",
            "</feature>")),

    /** Boot features of the assembly, so the runtime starts with every region. */
    BOOT_FEATURES("karaf-assembly/pom.xml", region -> List.of(
            "<feature>" + artifactId(region) + "</feature>"));

    static final String BEGIN = "<!-- BEGIN generated: regions (plugins/generate-regions.sh) -->";
    static final String END = "<!-- END generated: regions -->";

    private final String path;
    private final Function<RegionCatalog.Region, List<String>> linesOfRegion;

    SharedBuildFiles(String path, Function<RegionCatalog.Region, List<String>> linesOfRegion) {
        this.path = path;
        this.linesOfRegion = linesOfRegion;
    }

    /** The file's path relative to the project root (the folder that holds plugins/). */
    String path() {
        return path;
    }

    Path file(Path projectRoot) {
        return projectRoot.resolve(path);
    }

    /** The block's lines, without indentation or line ends, for the given regions in slug order. */
    List<String> lines(List<RegionCatalog.Region> regions) {
        List<String> lines = new ArrayList<>();
        regions.stream()
                .sorted(Comparator.comparing(RegionCatalog.Region::id))
                .forEach(region -> lines.addAll(linesOfRegion.apply(region)));
        return lines;
    }

    /** The region headers of every region in the directory: what the blocks list. */
    static List<RegionCatalog.Region> allRegions(IgovDump dump) {
        return RegionDirectory.ENTRIES.stream().map(entry -> RegionDirectory.header(entry, dump)).toList();
    }

    /**
     * Rewrites this file's block for the given regions. Writes only when the content changes, so a second run
     * leaves the file (and its modification time) alone.
     *
     * @return whether the file was changed
     */
    boolean update(Path projectRoot, List<RegionCatalog.Region> regions) throws IOException {
        Path file = file(projectRoot);
        String before = Files.readString(file, StandardCharsets.UTF_8);
        String after = replaceBlock(before, lines(regions), path);
        if (after.equals(before)) {
            return false;
        }
        Files.writeString(file, after, StandardCharsets.UTF_8);
        return true;
    }

    /**
     * {@code text} with the lines between the BEGIN and END marker lines replaced by {@code lines}, each indented
     * like the BEGIN marker and ended like the file's other lines. Everything else is kept byte for byte.
     */
    static String replaceBlock(String text, List<String> lines, String name) {
        Block block = Block.find(text, name);
        String lineEnd = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, block.contentStart());
        for (String line : lines) {
            out.append(block.indent()).append(line).append(lineEnd);
        }
        out.append(text, block.contentEnd(), text.length());
        return out.toString();
    }

    /** The lines now between the markers, with the marker's indentation and the line ends removed. */
    static List<String> currentLines(String text, String name) {
        Block block = Block.find(text, name);
        List<String> lines = new ArrayList<>();
        for (String line : text.substring(block.contentStart(), block.contentEnd()).split("\r?\n", -1)) {
            lines.add(line.startsWith(block.indent()) ? line.substring(block.indent().length()) : line);
        }
        lines.remove(lines.size() - 1); // after the last line end
        return lines;
    }

    private static String artifactId(RegionCatalog.Region region) {
        return "igov-region-" + region.id();
    }

    /**
     * Where a block sits: {@code contentStart} is the start of the line after the BEGIN marker, {@code contentEnd}
     * the start of the END marker's line. Each marker must appear once, on a line of its own, BEGIN first.
     */
    private record Block(int contentStart, int contentEnd, String indent) {

        static Block find(String text, String name) {
            int begin = onlyOccurrence(text, BEGIN, name);
            int end = onlyOccurrence(text, END, name);
            if (end < begin) {
                throw new IllegalStateException(name + ": the END marker comes before the BEGIN marker");
            }
            int beginLineStart = text.lastIndexOf('\n', begin) + 1;
            String indent = text.substring(beginLineStart, begin);
            int beginLineEnd = text.indexOf('\n', begin);
            int endLineStart = text.lastIndexOf('\n', end) + 1;
            if (!indent.isBlank() || beginLineEnd < 0
                    || !text.substring(begin + BEGIN.length(), beginLineEnd).isBlank()
                    || !text.substring(endLineStart, end).isBlank()) {
                throw new IllegalStateException(name + ": the region markers must each stand on a line of their own");
            }
            return new Block(beginLineEnd + 1, endLineStart, indent);
        }

        private static int onlyOccurrence(String text, String marker, String name) {
            int first = text.indexOf(marker);
            if (first < 0) {
                throw new IllegalStateException(name + " has no line " + marker
                        + "; add the two marker lines where the region list belongs (docs/region-plugin-format.md)");
            }
            if (text.indexOf(marker, first + 1) >= 0) {
                throw new IllegalStateException(name + " has more than one " + marker);
            }
            return first;
        }
    }
}
