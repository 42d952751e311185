package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.FormResources;

class FormSchemaTest {

    private final FormSchema schema = FormSchema.compile(FormResources.read(FormSchemaTest.class, "/fixtures/form.schema.json"));

    private List<FieldProblem> validate(String json) throws Exception {
        return schema.validate(Json.MAPPER.readTree(json));
    }

    @Test
    void aCorrectFormHasNoProblems() throws Exception {
        assertEquals(List.of(), validate("{\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\"}"));
    }

    @Test
    void aMissingFieldIsNamedItself() throws Exception {
        List<FieldProblem> problems = validate("{\"lastName\": \"Шевченко\"}");
        assertEquals(1, problems.size());
        assertEquals("/birthDate", problems.get(0).field());
    }

    @Test
    void wrongTypesFormatsAndExtraFieldsAreEachReported() throws Exception {
        List<FieldProblem> problems = validate(
                "{\"lastName\": 5, \"birthDate\": \"09.03.1990\", \"children\": -1, \"hack\": true}");
        List<String> fields = problems.stream().map(FieldProblem::field).toList();
        assertEquals(List.of("/birthDate", "/children", "/hack", "/lastName"), fields);
        assertTrue(problems.stream().allMatch(p -> !p.message().isBlank()));
    }

    /**
     * A pattern's "$" is the end of the text, as in JavaScript, whose patterns JSON Schema's are: a value with a line
     * break at its end does not match. Java alone would let it through.
     */
    @Test
    void aPatternsEndIsTheEndOfTheValueNotALastLineBreak() throws Exception {
        FormSchema phone = FormSchema.compile("{\"type\":\"object\",\"properties\":{\"phone\":{\"type\":\"string\","
                + "\"pattern\":\"^\\\\+380[0-9]{9}$\"},\"price\":{\"type\":\"string\",\"pattern\":\"^[$0-9]+$\"}}}");
        for (String end : List.of("\\n", "\\r\\n", "\\u2028", "\\u0085")) {
            List<FieldProblem> problems = phone.validate(Json.MAPPER.readTree("{\"phone\":\"+380671234567" + end + "\"}"));
            assertEquals(List.of("/phone"), problems.stream().map(FieldProblem::field).toList(), end);
        }
        assertEquals(List.of(), phone.validate(Json.MAPPER.readTree("{\"phone\":\"+380671234567\",\"price\":\"$30\"}")),
                "a '$' inside a class is a dollar sign");
        assertEquals("^a\\z|b\\$[$\\]]\\z", EndAnchoredPatterns.endAnchored("^a$|b\\$[$\\]]$"));
        assertEquals("[]$]\\z", EndAnchoredPatterns.endAnchored("[]$]$"));
        assertEquals("^\\Q$[\\E[0-9]\\z", EndAnchoredPatterns.endAnchored("^\\Q$[\\E[0-9]$"), "quoted: as it is");
        assertEquals("\\Q$", EndAnchoredPatterns.endAnchored("\\Q$"), "quoted to the end");
    }

    /** A reference to a server that would answer: refused without a connection being made to it. */
    @Test
    void aSchemaReferringToTheNetworkIsRefusedWithoutGoingOnline() throws Exception {
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(1);
            String remote = "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\", "
                    + "\"$ref\": \"http://127.0.0.1:" + server.getLocalPort() + "/forms/person.json\"}";
            // a fetch would wait for an answer that never comes: bounded, so such a failure cannot hang the build
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () ->
                    assertThrows(RuntimeException.class, () -> FormSchema.compile(remote).validate(Json.MAPPER.readTree("{}"))));
            assertThrows(java.net.SocketTimeoutException.class, server::accept, "nobody tried to connect");
        }
    }

    @Test
    void somethingThatIsNotASchemaIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FormSchema.compile("{\"type\": \"no-such-type\"}"));
        assertThrows(RuntimeException.class, () -> FormSchema.compile("not json"));
    }
}
