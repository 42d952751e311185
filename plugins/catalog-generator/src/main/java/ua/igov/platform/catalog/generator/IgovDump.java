package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The tables of the iGov catalogue extract that a region catalogue draws on, indexed by id.
 * Files that no region.json field uses (servers, tags) are not read.
 */
record IgovDump(
        Map<Integer, CsvTable.Row> regions,
        List<CsvTable.Row> places,
        Map<Integer, CsvTable.Row> categories,
        Map<Integer, CsvTable.Row> subcategories,
        Map<Integer, CsvTable.Row> services,
        Map<Integer, CsvTable.Row> authorities,
        List<CsvTable.Row> offerings) {

    static IgovDump load(Path csvDir) throws IOException {
        return new IgovDump(
                CsvTable.read(csvDir.resolve("regions.csv")).byId(),
                CsvTable.read(csvDir.resolve("places.csv")).rows(),
                CsvTable.read(csvDir.resolve("categories.csv")).byId(),
                CsvTable.read(csvDir.resolve("subcategories.csv")).byId(),
                CsvTable.read(csvDir.resolve("services.csv")).byId(),
                CsvTable.read(csvDir.resolve("authorities.csv")).byId(),
                CsvTable.read(csvDir.resolve("offerings.csv")).rows());
    }
}
