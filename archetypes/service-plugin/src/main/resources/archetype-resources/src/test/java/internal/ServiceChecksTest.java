package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionRejectedException;

class ServiceChecksTest {

    private final ServiceChecks checks =
            new ServiceChecks(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    static Map<String, Object> form(String birthDate, String taxNumber) {
        Map<String, Object> applicant = new HashMap<>(Map.of("lastName", "Шевченко", "firstName", "Тарас", "birthDate", birthDate));
        if (taxNumber != null) {
            applicant.put("taxNumber", taxNumber);
        }
        return Map.of("applicant", applicant, "purpose", "personal", "consentToProcessing", true);
    }

    private static Submission submission(String birthDate, String taxNumber) {
        return new Submission(ServiceDefinition.CODE, "dnipropetrovsk", null, form(birthDate, taxNumber));
    }

    private List<String> rejectedFields(Submission submission) {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class, () -> checks.onSubmit(submission));
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void anAdultWithAValidTaxNumberIsAccepted() {
        assertDoesNotThrow(() -> checks.onSubmit(submission("1990-03-09", "3294008776")));
        assertDoesNotThrow(() -> checks.onSubmit(submission("2008-11-25", null)), "18 today");
    }

    @Test
    void minorsAndFutureBirthDatesAreRefused() {
        assertEquals(List.of("/applicant/birthDate"), rejectedFields(submission("2008-11-26", null)));
        assertEquals(List.of("/applicant/birthDate"), rejectedFields(submission("2027-01-01", null)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(List.of("/applicant/birthDate", "/applicant/taxNumber"), rejectedFields(submission("2015-01-01", "3253208771")));
    }
}
