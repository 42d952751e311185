package ua.igov.platform.spi;

import java.util.Objects;

/**
 * The form a citizen fills in, as a JSON Schema (draft 2020-12) document. Titles and descriptions in the schema are
 * what people read, so write them in Ukrainian.
 *
 * @param version    changes whenever the schema changes; stored with every application made on it
 * @param jsonSchema the schema document
 */
public record FormDefinition(String version, String jsonSchema) {

    public FormDefinition {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("a form version is required");
        }
        Objects.requireNonNull(jsonSchema, "jsonSchema");
    }
}
