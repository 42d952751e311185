package ua.igov.plugins.residence.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class ResidenceRegistrationChecksTest {

    private final ResidenceRegistrationChecks checks =
            new ResidenceRegistrationChecks(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    private static Submission submission(String birthDate, String taxNumber, boolean deregister) {
        Map<String, Object> applicant = new HashMap<>(Map.of("lastName", "Шевченко", "firstName", "Тарас",
                "birthDate", birthDate, "citizenship", "UA"));
        if (taxNumber != null) {
            applicant.put("taxNumber", taxNumber);
        }
        Map<String, Object> address = Map.of("settlement", "Дніпро", "street", "Яворницького", "building", "1");
        Map<String, Object> form = new HashMap<>(Map.of("applicant", applicant, "newAddress", address));
        form.put("deregisterPrevious", deregister);
        form.put("previousAddress", Map.of("settlement", "дніпро ", "street", "Яворницького", "building", "1"));
        return new Submission(ResidenceRegistration.CODE, "dnipropetrovsk", null, form);
    }

    private List<String> problemFields(Submission s) {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class, () -> checks.onSubmit(s));
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void anAdultWithAValidTaxNumberPasses() {
        assertDoesNotThrow(() -> checks.onSubmit(submission("1990-03-09", "3253208770", false)));
    }

    @Test
    void taxNumberCheckDigitFollowsTheStateAlgorithm() {
        assertTrue(ResidenceRegistrationChecks.taxNumberValid("3253208770"));
        assertFalse(ResidenceRegistrationChecks.taxNumberValid("3253208771"));
        assertFalse(ResidenceRegistrationChecks.taxNumberValid("12345"));
        assertEquals(List.of("/applicant/taxNumber"), problemFields(submission("1990-03-09", "3253208771", false)));
    }

    @Test
    void childrenUnder14AndFutureBirthDatesAreSentElsewhere() {
        assertEquals(List.of("/applicant/birthDate"), problemFields(submission("2015-01-01", null, false)));
        assertEquals(List.of("/applicant/birthDate"), problemFields(submission("2027-01-01", null, false)));
        assertDoesNotThrow(() -> checks.onSubmit(submission("2012-11-25", null, false)));
    }

    @Test
    void movingToTheAddressOneLeavesIsRefused() {
        assertEquals(List.of("/previousAddress"), problemFields(submission("1990-03-09", null, true)));
    }
}
