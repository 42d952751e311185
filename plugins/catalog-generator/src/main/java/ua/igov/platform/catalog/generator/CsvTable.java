package ua.igov.platform.catalog.generator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One CSV file of the catalogue extract: UTF-8, RFC 4180, one header row.
 * Rows are kept as text; the extract's README defines an empty field as NULL, so {@link Row} turns it into null.
 */
final class CsvTable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get();

    private final String name;
    private final List<Row> rows;

    private CsvTable(String name, List<Row> rows) {
        this.name = name;
        this.rows = rows;
    }

    static CsvTable read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Row(file.getFileName().toString(), record.getRecordNumber(), record.toMap()));
            }
            return new CsvTable(file.getFileName().toString(), Collections.unmodifiableList(rows));
        }
    }

    String name() {
        return name;
    }

    List<Row> rows() {
        return rows;
    }

    /** Rows keyed by their integer {@code id} column, in file order. */
    Map<Integer, Row> byId() {
        Map<Integer, Row> index = new LinkedHashMap<>();
        for (Row row : rows) {
            if (index.put(row.requiredInt("id"), row) != null) {
                throw new IllegalStateException(name + ": duplicate id " + row.requiredInt("id"));
            }
        }
        return index;
    }

    /** One data row; typed getters fail with the file and line so a bad extract is easy to trace. */
    record Row(String file, long number, Map<String, String> values) {

        /** The value, or null when the column is empty (NULL in the source). */
        String text(String column) {
            if (!values.containsKey(column)) {
                throw new IllegalArgumentException(file + ": no column " + column);
            }
            String value = values.get(column);
            return value == null || value.isEmpty() ? null : value;
        }

        String requiredText(String column) {
            String value = text(column);
            if (value == null) {
                throw new IllegalStateException(file + " record " + number + ": empty " + column);
            }
            return value;
        }

        Integer integer(String column) {
            String value = text(column);
            try {
                return value == null ? null : Integer.valueOf(value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(file + " record " + number + ": " + column + " is not a number: " + value, e);
            }
        }

        int requiredInt(String column) {
            Integer value = integer(column);
            if (value == null) {
                throw new IllegalStateException(file + " record " + number + ": empty " + column);
            }
            return value;
        }

        /** The extract has already normalised booleans to lower-case true/false; anything else is an error. */
        boolean bool(String column) {
            String value = requiredText(column);
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalStateException(file + " record " + number + ": " + column + " is not a boolean: " + value);
            };
        }
    }
}
