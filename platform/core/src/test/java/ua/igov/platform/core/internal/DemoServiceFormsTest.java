package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.FieldProblem;

/**
 * The demo service plugins' form schemas, compiled and applied as the runtime does, on the request the docs and the
 * bench send: what a citizen may write in a name or an address.
 */
class DemoServiceFormsTest {

    /** Letters, in parts joined by one apostrophe, hyphen or space: the residence form's, checked below. */
    private static final String NAME = "^[А-ЩЬЮЯҐЄІЇа-щьюяґєії]+([ '’ʼ-][А-ЩЬЮЯҐЄІЇа-щьюяґєії]+)*$";

    /** The module's folder during the build; the repository's root is two up. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    private static FormSchema schema(String plugin, String file) throws Exception {
        return FormSchema.compile(Files.readString(ROOT.resolve("plugins/" + plugin + "/src/main/resources/form/" + file)));
    }

    private static ObjectNode benchForm() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(Files.readString(ROOT.resolve("bench/application.json"))).get("form");
    }

    private static List<String> fields(List<FieldProblem> problems) {
        return problems.stream().map(FieldProblem::field).toList();
    }

    @Test
    void theBenchAndDocsRequestIsAValidResidenceForm() throws Exception {
        assertEquals(List.of(), schema("service-residence-registration", "residence-registration.schema.json")
                .validate(benchForm()));
    }

    @Test
    void aNameNeedsALetterAndMayJoinPartsWithAnApostropheAHyphenOrASpace() throws Exception {
        FormSchema residence = schema("service-residence-registration", "residence-registration.schema.json");
        assertEquals(NAME, Json.MAPPER.readTree(Files.readString(ROOT.resolve("plugins/service-residence-registration/"
                + "src/main/resources/form/residence-registration.schema.json"))).findValue("lastName").get("pattern").asText());
        for (String name : List.of("Квітка-Основʼяненко", "Дем'ян", "Мар’яна", "О'Ніл", "Ван дер Берг", "Ї")) {
            ObjectNode form = benchForm();
            ((ObjectNode) form.get("applicant")).put("lastName", name);
            assertEquals(List.of(), residence.validate(form), name);
        }
        for (String name : List.of("-", "'", " ", "--", "Шевченко ", " Шевченко", "Шевченко--Коваль", "Тарас'", "T4ras")) {
            ObjectNode form = benchForm();
            ((ObjectNode) form.get("applicant")).put("lastName", name);
            ((ObjectNode) form.get("applicant")).put("patronymic", name);
            assertEquals(List.of("/applicant/lastName", "/applicant/patronymic"), fields(residence.validate(form)), name);
        }
        ObjectNode noPatronymic = benchForm();
        ((ObjectNode) noPatronymic.get("applicant")).put("patronymic", "");
        assertEquals(List.of(), residence.validate(noPatronymic), "a patronymic may be left empty");
    }

    /** The settlement's code in KATOTTG, which replaced KOATUU: UA and 17 digits. */
    @Test
    void anAddressTakesTheSettlementsKatottgCode() throws Exception {
        FormSchema residence = schema("service-residence-registration", "residence-registration.schema.json");
        ObjectNode form = benchForm();
        ((ObjectNode) form.get("newAddress")).put("katottg", "UA12020010010070536");
        assertEquals(List.of(), residence.validate(form));
        for (String wrong : List.of("12020010010070536", "UA1202001001007053", "ua12020010010070536", "1210100000")) {
            ((ObjectNode) form.get("newAddress")).put("katottg", wrong);
            assertEquals(List.of("/newAddress/katottg"), fields(residence.validate(form)), wrong);
        }
    }

    @Test
    void anAddressOfSpacesIsRefusedAnEmptyApartmentIsNone() throws Exception {
        FormSchema residence = schema("service-residence-registration", "residence-registration.schema.json");
        for (String blank : List.of("  ", "\u00a0\u00a0", "\u200b", "--")) {
            ObjectNode form = benchForm();
            JsonNode address = form.get("newAddress");
            for (String part : List.of("settlement", "street", "building", "apartment")) {
                ((ObjectNode) address).put(part, blank);
            }
            assertEquals(List.of("/newAddress/apartment", "/newAddress/building", "/newAddress/settlement",
                    "/newAddress/street"), fields(residence.validate(form)).stream().distinct().toList(), blank);
        }
        ObjectNode noApartment = benchForm();
        ((ObjectNode) noApartment.get("newAddress")).put("apartment", "");
        ((ObjectNode) noApartment.get("newAddress")).put("building", "12А");
        assertEquals(List.of(), residence.validate(noApartment), "an empty apartment, as a form sends a blank field");
    }

    @Test
    void everyNameInEveryDemoFormFollowsTheSameRule() throws Exception {
        for (String[] plugin : List.of(
                new String[] {"service-civil-status-extract", "civil-status-extract.schema.json"},
                new String[] {"service-land-cadastre-extract", "land-cadastre-extract.schema.json"})) {
            String text = Files.readString(ROOT.resolve("plugins/" + plugin[0] + "/src/main/resources/form/" + plugin[1]));
            JsonNode schema = Json.MAPPER.readTree(text);
            int names = 0;
            for (JsonNode property : schema.findValues("lastName")) {
                names++;
                assertEquals(NAME, property.get("pattern").asText(), plugin[0]);
            }
            assertTrue(names > 0, plugin[0]);
        }
    }

    /**
     * Every field of every demo form has an English label in its UI hints, and every choice its words in both
     * languages, as the plugin author's guide promises (the civil-status and land forms had no hints at all).
     */
    @Test
    void everyFieldHasAnEnglishLabelAndEveryChoiceItsWords() throws Exception {
        for (String plugin : List.of("residence-registration", "civil-status-extract", "land-cadastre-extract")) {
            Path form = ROOT.resolve("plugins/service-" + plugin + "/src/main/resources/form/");
            JsonNode schema = Json.MAPPER.readTree(Files.readString(form.resolve(plugin + ".schema.json")));
            JsonNode hints = Json.MAPPER.readTree(Files.readString(form.resolve(plugin + ".ui.json")));
            java.util.Map<String, JsonNode> fields = new java.util.TreeMap<>();
            collect(schema, schema, "", fields);
            assertTrue(fields.size() > 10, plugin);
            fields.forEach((path, property) -> {
                assertTrue(hints.path("labels").path("en").path(path).isTextual(), plugin + ": no English label for " + path);
                property.path("enum").forEach(choice -> {
                    JsonNode words = hints.path("fields").path(path).path("labels").path(choice.asText());
                    assertTrue(words.path("uk").isTextual() && words.path("en").isTextual(),
                            plugin + ": no words for " + path + " = " + choice.asText());
                });
            });
        }
    }

    /** Each property's path ("applicant/birthDate"), references followed. */
    private static void collect(JsonNode root, JsonNode node, String prefix, java.util.Map<String, JsonNode> fields) {
        if (node.has("$ref")) {
            collect(root, root.at(node.get("$ref").asText().substring(1)), prefix, fields);
            return;
        }
        node.path("properties").fields().forEachRemaining(property -> {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "/" + property.getKey();
            fields.put(path, property.getValue());
            collect(root, property.getValue(), path, fields);
        });
    }
}
