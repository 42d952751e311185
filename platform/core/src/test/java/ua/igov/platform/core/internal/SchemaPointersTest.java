package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class SchemaPointersTest {

    /** The residence form as shipped: addresses by reference, a series only in a branch. */
    private static JsonNode residence() throws Exception {
        return Json.MAPPER.readTree(Files.readString(Path.of("").toAbsolutePath().getParent().getParent()
                .resolve("plugins/service-residence-registration/src/main/resources/form/residence-registration.schema.json")));
    }

    @Test
    void aFieldOfTheFormIsNamedThroughReferencesAndBranches() throws Exception {
        JsonNode schema = residence();
        for (String field : List.of("/applicant/birthDate", "/applicant", "/newAddress/street", "/previousAddress/building",
                "/document/series", "/contacts/phone", "/consentToProcessing")) {
            assertTrue(SchemaPointers.describes(schema, field), field);
        }
        for (String field : List.of("/applicant/birthDay", "/newAddress/streets", "/nothing", "/applicant/birthDate/year",
                "/contacts/phone/0")) {
            assertFalse(SchemaPointers.describes(schema, field), field);
        }
    }

    @Test
    void arraysMapsEscapesAndASelfReferenceAreTakenAsTheSchemaSaysAndEndInTime() throws Exception {
        JsonNode schema = Json.MAPPER.readTree("{\"type\": \"object\", \"properties\": {"
                + "\"children\": {\"type\": \"array\", \"items\": {\"type\": \"object\", \"properties\": {\"name\": {}}}},"
                + "\"extra\": {\"type\": \"object\", \"additionalProperties\": {\"type\": \"string\"}},"
                + "\"a/b\": {\"type\": \"string\"},"
                + "\"byYear\": {\"type\": \"object\", \"patternProperties\": {\"^[0-9]{4}$\": {\"type\": \"integer\"}}},"
                + "\"loop\": {\"$ref\": \"#/properties/loop\"}},"
                + "\"allOf\": [{\"properties\": {\"fromAllOf\": {\"type\": \"string\"}}}]}");
        assertTrue(SchemaPointers.describes(schema, "/children/0/name"));
        assertFalse(SchemaPointers.describes(schema, "/children/first/name"));
        assertTrue(SchemaPointers.describes(schema, "/extra/anything"));
        assertTrue(SchemaPointers.describes(schema, "/a~1b"));
        assertTrue(SchemaPointers.describes(schema, "/byYear/2026"));
        assertFalse(SchemaPointers.describes(schema, "/byYear/last"));
        assertTrue(SchemaPointers.describes(schema, "/fromAllOf"));
        assertFalse(SchemaPointers.describes(schema, "/loop/deeper"), "a reference to itself describes nothing more");
    }

    /** A reference by anchor (or to another document) is not followed here: the question is let be, never a 500. */
    @Test
    void aSchemaReferringByAnchorIsNotJudged() throws Exception {
        JsonNode schema = Json.MAPPER.readTree("{\"type\": \"object\", \"properties\": {\"home\": {\"$ref\": \"#address\"}},"
                + "\"$defs\": {\"address\": {\"$anchor\": \"address\", \"properties\": {\"street\": {}}}}}");
        assertTrue(SchemaPointers.describes(schema, "/home/street"));
        assertTrue(SchemaPointers.describes(schema, "/anything"), "it cannot tell, so it does not refuse");
    }
}
