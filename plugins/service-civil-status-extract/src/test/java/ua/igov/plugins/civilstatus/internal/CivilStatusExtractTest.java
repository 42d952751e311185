package ua.igov.plugins.civilstatus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.Status;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.Workflow;

class CivilStatusExtractTest {

    private final CivilStatusExtract service = new CivilStatusExtract();

    private static final Map<String, Object> FORM = Map.of(
            "applicant", Map.of("lastName", "Коваленко", "firstName", "Олена", "birthDate", "1990-03-09",
                    "taxNumber", "3294001234"),
            "recordKind", "birth",
            "recordSubject", Map.of("lastName", "Коваленко", "firstName", "Олена", "patronymic", "Петрівна",
                    "eventDate", "1990-03-09", "registrationPlace", "Дніпро"),
            "relation", "self",
            "purpose", "personal",
            "contacts", Map.of("phone", "+380671234567"),
            "consentToProcessing", true);

    @Test
    void describesItself() {
        assertEquals("civil-status-extract", service.code());
        assertEquals(Set.of(1537), service.catalogueServiceIds());
        assertEquals("1.1", service.form().version());
        assertTrue(service.uiHints().orElseThrow().contains("\"en\""), "its UI hints, with English labels");
        assertTrue(service.form().jsonSchema().contains("urn:igov:form:civil-status-extract:" + service.form().version()),
                "the schema's $id carries the form version");
    }

    @Test
    void isFree() {
        assertEquals(0, service.feeInKopiykas(new Submission(service.code(), "dnipropetrovsk", null, FORM)));
    }

    @Test
    void theExtractIsDueWithinThreeWorkingDaysOfReview() {
        Workflow workflow = service.workflow();
        assertEquals(3, workflow.deadlines().get(Status.IN_REVIEW));
        assertEquals(Workflow.DEFAULT.transitions(), workflow.transitions());
        for (Status status : Status.values()) {
            if (status != Status.IN_REVIEW) {
                assertEquals(Workflow.DEFAULT.deadlines().get(status), workflow.deadlines().get(status), status.name());
            }
        }
    }

    @Test
    void theExtractCarriesTheRecordAndWhomItIsIssuedTo() {
        Map<String, Object> document = service.issueDocument(new Decision("1-000-000-007", service.code(), FORM, "official-3"));
        assertEquals("ДРАЦС-1-000-000-007", document.get("extractNumber"));
        assertEquals("народження", document.get("record"), "in words, not the form's code");
        Map<?, ?> subject = (Map<?, ?>) document.get("recordSubject");
        assertEquals("1990-03-09", subject.get("eventDate"));
        assertEquals("Дніпро", subject.get("registrationPlace"));
        assertEquals("Петрівна", subject.get("patronymic"));
        Map<?, ?> issuedTo = (Map<?, ?>) document.get("issuedTo");
        assertEquals("Коваленко", issuedTo.get("lastName"));
        assertFalse(issuedTo.containsKey("taxNumber"));
        assertFalse(issuedTo.containsKey("patronymic"), "absent fields are left out, not null");
        assertFalse(document.containsKey("contacts"));
        assertEquals("особа, якої стосується запис", document.get("relation"));
        assertEquals("для особистих потреб", document.get("purpose"));
    }

    /** Every code the form offers has its words on the extract ("other" purpose: the citizen's own). */
    @Test
    void everyCodeTheFormOffersIsWorded() {
        String schema = service.form().jsonSchema();
        for (Map<String, String> words : List.of(CivilStatusExtract.RECORD_KINDS, CivilStatusExtract.RELATIONS,
                CivilStatusExtract.PURPOSES)) {
            for (String code : words.keySet()) {
                assertTrue(schema.contains("\"" + code + "\""), code + " is one of the form's codes");
            }
        }
        assertTrue(schema.contains("\"enum\": [\"birth\", \"marriage\", \"divorce\", \"name-change\", \"death\"]"));
        assertEquals(5, CivilStatusExtract.RECORD_KINDS.size());
        assertEquals(6, CivilStatusExtract.RELATIONS.size());
        assertEquals(5, CivilStatusExtract.PURPOSES.size(), "all but other");
    }
}
