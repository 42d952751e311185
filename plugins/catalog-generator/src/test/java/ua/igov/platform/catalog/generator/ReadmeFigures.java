package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-region table of the extract's README ("Per region (sorted by live offerings ...)"), which the
 * extract's own check.py verifies against the CSVs. Reading it here keeps the expected numbers in one place.
 */
record ReadmeFigures(int places, int offerings, int liveOfferings, int liveServices, int liveNonTestServices) {

    private static final String TABLE_INTRO = "Per region";

    /** Figures by region id; the "all" row is returned under key 0. */
    static Map<Integer, ReadmeFigures> read(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        int start = 0;
        while (start < lines.size() && !lines.get(start).startsWith(TABLE_INTRO)) {
            start++;
        }
        while (start < lines.size() && !lines.get(start).startsWith("|")) {
            start++;
        }
        if (start == lines.size()) {
            throw new IllegalStateException(readme + " has no per-region table");
        }
        List<String> header = cells(lines.get(start));
        Map<Integer, ReadmeFigures> figures = new TreeMap<>();
        // start + 1 is the |---:| alignment row.
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            String id = column(header, row, "region_id");
            figures.put(id.equals("all") ? 0 : Integer.parseInt(id), new ReadmeFigures(
                    number(header, row, "places"),
                    number(header, row, "offerings"),
                    number(header, row, "live offerings"),
                    number(header, row, "live services"),
                    number(header, row, "live non-test services")));
        }
        return figures;
    }

    private static List<String> cells(String line) {
        String inner = line.substring(line.indexOf('|') + 1, line.lastIndexOf('|'));
        return Arrays.stream(inner.split("\\|")).map(String::trim).toList();
    }

    private static String column(List<String> header, List<String> row, String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalStateException("README per-region table has no column '" + name + "': " + header);
        }
        return row.get(index);
    }

    private static int number(List<String> header, List<String> row, String name) {
        return Integer.parseInt(column(header, row, name));
    }
}
