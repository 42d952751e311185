package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class FormChangesTest {

    private static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    private static List<String> changes(String before, String after) throws Exception {
        return FormChanges.between(json(before), json(after));
    }

    @Test
    void aChangedValueIsNamedDownToTheValue() throws Exception {
        assertEquals(List.of(), changes("{\"a\": {\"b\": 1}}", "{\"a\": {\"b\": 1}}"));
        assertEquals(List.of("/applicant/birthDate"), changes(
                "{\"applicant\": {\"lastName\": \"Шевченко\", \"birthDate\": \"1990-03-09\"}}",
                "{\"applicant\": {\"birthDate\": \"1990-03-10\", \"lastName\": \"Шевченко\"}}"));
    }

    @Test
    void anAddedOrRemovedFieldIsNamedItself() throws Exception {
        assertEquals(List.of("/applicant/patronymic", "/previousAddress"), changes(
                "{\"applicant\": {\"lastName\": \"Шевченко\"}, \"previousAddress\": {\"street\": \"Яворницького\"}}",
                "{\"applicant\": {\"lastName\": \"Шевченко\", \"patronymic\": \"Григорович\"}}"));
    }

    @Test
    void aListOfTheSameLengthIsComparedItemByItemAndOneThatGrewAsAWhole() throws Exception {
        assertEquals(List.of("/children/1/name"), changes("{\"children\": [{\"name\": \"Ольга\"}, {\"name\": \"Іван\"}]}",
                "{\"children\": [{\"name\": \"Ольга\"}, {\"name\": \"Іванко\"}]}"));
        assertEquals(List.of("/children"), changes("{\"children\": [{\"name\": \"Ольга\"}]}",
                "{\"children\": [{\"name\": \"Ольга\"}, {\"name\": \"Іван\"}]}"));
    }

    @Test
    void aValueOfAnotherTypeIsAChangeAndTheSameNumberWrittenOtherwiseIsNot() throws Exception {
        assertEquals(List.of("/copies"), changes("{\"copies\": 2}", "{\"copies\": \"2\"}"));
        assertEquals(List.of(), changes("{\"copies\": 2}", "{\"copies\": 2.0}"));
        assertEquals(List.of("/flag"), changes("{\"flag\": true}", "{\"flag\": null}"));
        assertEquals(List.of("/area"), changes("{\"area\": 2}", "{\"area\": 1e400}"), "too large for a double");
        assertEquals(List.of(), changes("{\"area\": 1e400}", "{\"area\": 1e400}"));
    }

    @Test
    void namesAreEscapedAsJsonPointerSays() throws Exception {
        assertEquals(List.of("/a~1b", "/m~0n"), changes("{\"a/b\": 1, \"m~n\": 1}", "{\"a/b\": 2, \"m~n\": 2}"));
    }

    @Test
    void theAuditTrailListsWhatFitsAndCountsTheRest() {
        assertEquals("/a, /b", FormChanges.listed(List.of("/a", "/b"), 100));
        assertEquals("/a, and 2 more", FormChanges.listed(List.of("/a", "/b", "/c"), 5));
        assertEquals("and 1 more", FormChanges.listed(List.of("/long"), 3));
    }
}
