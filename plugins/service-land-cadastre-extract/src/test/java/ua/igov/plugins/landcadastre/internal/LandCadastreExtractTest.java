package ua.igov.plugins.landcadastre.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals("1.1", service.form().version());
        assertTrue(service.uiHints().orElseThrow().contains("\"en\""), "its UI hints, with English labels");
        assertTrue(service.form().jsonSchema().contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
        assertTrue(service.form().jsonSchema().contains("urn:igov:form:land-cadastre-extract:" + service.form().version()),
                "the schema's $id carries the form version");
    }

    @Test
    void paperCostsATenthOfTheSubsistenceMinimumElectronicIsFree() {
        assertEquals(0, service.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null, form("electronic"))));
        assertEquals(30_280, service.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null, form("paper-cnap"))));
    }

    @Test
    void theExtractIsDueWithinTheLawsTenWorkingDaysOfTheApplication() {
        Workflow workflow = service.workflow();
        assertEquals(10, workflow.deadlines().get(Status.SUBMITTED) + workflow.deadlines().get(Status.IN_REVIEW),
                "the days to take it in and the days to decide it are the law's 10 together");
        assertEquals(Workflow.DEFAULT.transitions(), workflow.transitions());
        for (Status status : Status.values()) {
            if (status != Status.IN_REVIEW) {
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
}
