package ua.igov.plugins.landcadastre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.Workflow;

class LandCadastreExtractTest {

    private final LandCadastreExtract service = new LandCadastreExtract();

    private static Map<String, Object> form(String delivery) {
        Map<String, Object> form = new HashMap<>();
        form.put("applicant", Map.of("type", "individual", "lastName", "Шевченко", "firstName", "Тарас",
                "patronymic", "Григорович", "taxNumber", "3294008776"));
        form.put("cadastralNumber", "1210100000:01:001:0001");
        form.put("purpose", "notarial-action");
        form.put("delivery", delivery);
        form.put("contacts", Map.of("phone", "+380671234567"));
        form.put("consentToProcessing", true);
        return form;
    }

    @Test
    void describesItself() {
        assertEquals("land-cadastre-extract", service.code());
        assertEquals(Set.of(47), service.catalogueServiceIds(), "46 and 101 are other extracts, with other documents");
        assertEquals("1.2", service.form().version());
        assertTrue(service.uiHints().orElseThrow().contains("\"en\""), "its UI hints, with English labels");
        assertTrue(service.form().jsonSchema().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
        assertTrue(service.form().jsonSchema().contains("urn:igov:form:land-cadastre-extract:" + service.form().version()),
                "the schema's $id carries the form version");
    }

    /**
     * 0.055 of the subsistence minimum of the year the extract is asked for (183.04 UAH in 2026, 166.54 in 2025),
     * in Kyiv's year, on paper or electronic alike. (1.1 charged 302.80 UAH for paper, 0 for electronic.)
     */
    @Test
    void anExtractCostsItsShareOfTheYearsSubsistenceMinimum() {
        LandCadastreExtract in2026 = new LandCadastreExtract(
                Clock.fixed(Instant.parse("2025-12-31T22:30:00Z"), ZoneOffset.UTC));
        assertEquals(18_304, in2026.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null,
                form("paper-cnap"))), "half past midnight on New Year's Day in Kyiv is 2026");
        assertEquals(18_304, in2026.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null,
                form("electronic"))));
        LandCadastreExtract in2025 = new LandCadastreExtract(
                Clock.fixed(Instant.parse("2025-12-31T21:30:00Z"), ZoneOffset.UTC));
        assertEquals(16_654, in2025.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null,
                form("paper-cnap"))));
        // an answer in January to a December application: still the year applied in
        assertEquals(16_654, in2026.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null,
                form("paper-cnap"), Instant.parse("2025-12-29T10:00:00Z"))));
    }

    @Test
    void theExtractIsIssuedWithinTheLawsTenWorkingDaysOfTheApplication() {
        Workflow workflow = service.workflow();
        assertEquals(10, workflow.deadlines().get(Status.SUBMITTED) + workflow.deadlines().get(Status.IN_REVIEW)
                        + workflow.deadlines().get(Status.APPROVED),
                "the days to take it in, to decide it and to issue it are the law's 10 together");
        assertEquals(Workflow.DEFAULT.transitions(), workflow.transitions());
        for (Status status : Status.values()) {
            if (status != Status.IN_REVIEW && status != Status.APPROVED) {
                assertEquals(Workflow.DEFAULT.deadlines().get(status), workflow.deadlines().get(status), status.name());
            }
        }
    }

    @Test
    void theExtractCarriesTheFormsFieldsThatBelongOnIt() {
        Map<String, Object> document = service.issueDocument(
                new Decision("1-000-000-042", service.code(), form("paper-cnap"), "official-7"));
        assertEquals("ДЗК-1-000-000-042", document.get("extractNumber"));
        assertEquals("1-000-000-042", document.get("trackingNumber"));
        assertEquals("1210100000:01:001:0001", document.get("cadastralNumber"));
        assertEquals("вчинення нотаріальних дій", document.get("purpose"), "in words, not the form's code");
        assertEquals("у паперовій формі в ЦНАП", document.get("delivery"));
        Map<?, ?> applicant = (Map<?, ?>) document.get("applicant");
        assertEquals("Шевченко", applicant.get("lastName"));
        assertEquals("Григорович", applicant.get("patronymic"));
        assertFalse(applicant.containsKey("taxNumber"), "the tax number does not belong on a public extract");
        assertFalse(document.containsKey("contacts"));
        assertFalse(document.containsKey("purposeDetails"), "absent fields are left out, not null");
        assertEquals("фізична особа", applicant.get("type"));

        Map<String, Object> other = new java.util.HashMap<>(form("electronic"));
        other.put("purpose", "other");
        other.put("purposeDetails", "Для банку");
        assertEquals("Для банку", service.issueDocument(new Decision("1-000-000-042", service.code(), other, "official-7"))
                .get("purpose"), "another purpose in the citizen's own words");
    }

    /** Every code the form offers but "other" has its words on the extract. */
    @Test
    void everyCodeTheFormOffersIsWorded() {
        String schema = service.form().jsonSchema();
        assertTrue(schema.contains("\"enum\": [\"notarial-action\", \"state-registration-of-rights\", \"land-management\", "
                + "\"construction\", \"court\", \"information\", \"other\"]"));
        assertEquals(6, LandCadastreExtract.PURPOSES.size());
        assertTrue(schema.contains("\"enum\": [\"electronic\", \"paper-cnap\"]"));
        assertEquals(2, LandCadastreExtract.DELIVERIES.size());
        assertTrue(schema.contains("\"enum\": [\"individual\", \"legal-entity\"]"));
        assertEquals(2, LandCadastreExtract.APPLICANT_TYPES.size());
    }

    @Test
    void anEmptyPatronymicIsLeftOffTheExtract() {
        Map<String, Object> form = form("electronic");
        form.put("applicant", Map.of("type", "individual", "lastName", "Шевченко", "firstName", "Тарас",
                "patronymic", "", "taxNumber", "3294008776"));
        Map<?, ?> applicant = (Map<?, ?>) service.issueDocument(
                new Decision("1-000-000-042", service.code(), form, "official-7")).get("applicant");
        assertEquals("Тарас", applicant.get("firstName"));
        assertFalse(applicant.containsKey("patronymic"), applicant.toString());
    }
}
