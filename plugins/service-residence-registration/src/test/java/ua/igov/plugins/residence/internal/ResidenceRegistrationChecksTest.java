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
        assertDoesNotThrow(() -> checks.onSubmit(submission("1990-03-09", "3294008776", false)));
    }

    @Test
    void theTaxNumberMustHaveItsCheckDigitAndTheApplicantsBirthDate() {
        assertEquals(List.of("/applicant/taxNumber"), problemFields(submission("1990-03-09", "3294008777", false)));
        assertEquals(List.of("/applicant/taxNumber"), problemFields(submission("1990-03-09", "3253208770", false)),
                "a valid number of someone born on 25.01.1989");
        assertEquals(List.of("/applicant/taxNumber"), problemFields(submission("1989-01-26", "3253208770", false)),
                "a day off");
        assertDoesNotThrow(() -> checks.onSubmit(submission("1989-01-25", "3253208770", false)));
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

    private List<String> documentProblems(String citizenship, Map<String, Object> document) {
        Submission s = submission("1990-03-09", null, false);
        Map<String, Object> form = new HashMap<>(s.form());
        @SuppressWarnings("unchecked")
        Map<String, Object> applicant = new HashMap<>((Map<String, Object>) form.get("applicant"));
        applicant.put("citizenship", citizenship);
        form.put("applicant", applicant);
        form.put("document", document);
        Submission with = new Submission(s.serviceCode(), s.regionId(), s.placeId(), form);
        try {
            checks.onSubmit(with);
            return List.of();
        } catch (SubmissionRejectedException e) {
            return e.problems().stream().map(FieldProblem::field).sorted().toList();
        }
    }

    /** The schema takes 6 to 9 digits for any document; a document's kind, number and dates must agree. */
    @Test
    void theIdentityDocumentMustBeOneThatCouldExist() {
        assertEquals(List.of(), documentProblems("UA", Map.of("type", "id-card", "number", "001234567",
                "issuedOn", "2020-05-01")));
        assertEquals(List.of(), documentProblems("UA", Map.of("type", "passport-booklet", "series", "КВ",
                "number", "123456")));
        assertEquals(List.of(), documentProblems("other", Map.of("type", "residence-permit", "number", "123456789")));
        assertEquals(List.of(), documentProblems("stateless", Map.of("type", "residence-permit", "series", "ІН",
                "number", "123456")), "a permit booklet issued before 2016");
        assertEquals(List.of("/document/number"), documentProblems("other", Map.of("type", "residence-permit",
                "series", "ІН", "number", "123456789")));
        java.util.List<FieldProblem> noSeries = ResidenceRegistrationChecks.documentProblems(
                Map.of("type", "residence-permit", "number", "123456"), "other", java.time.LocalDate.of(1990, 3, 9),
                java.time.LocalDate.of(2026, 11, 27));
        assertEquals("/document/number", noSeries.get(0).field());
        assertTrue(noSeries.get(0).message().contains("серію"), "a booklet's 6 digits without its series: "
                + noSeries.get(0).message());
        assertEquals(List.of("/document/issuedOn", "/document/number"), documentProblems("UA",
                Map.of("type", "id-card", "number", "123456", "issuedOn", "2030-01-01")));
        assertEquals(List.of("/document/number"), documentProblems("UA", Map.of("type", "passport-booklet",
                "series", "КВ", "number", "123456789")));
        assertEquals(List.of("/document/series"), documentProblems("UA", Map.of("type", "id-card", "series", "КВ",
                "number", "123456789")));
        assertEquals(List.of("/document/issuedOn"), documentProblems("UA", Map.of("type", "id-card",
                "number", "123456789", "issuedOn", "1980-01-01")), "before the birth in 1990");
        assertEquals(List.of("/document/type"), documentProblems("UA", Map.of("type", "residence-permit",
                "number", "123456789")));
        assertEquals(List.of("/document/type"), documentProblems("stateless", Map.of("type", "id-card",
                "number", "123456789")));
        assertEquals(List.of("/document/type"), documentProblems("UA", Map.of("type", "birth-certificate",
                "number", "123456")));
    }

    /** "Today" is Kyiv's: at 00:30 in Kyiv (22:30 UTC the day before) a 14th birthday has come. */
    @Test
    void todayIsKyivsWhateverTheServersZone() {
        ResidenceRegistrationChecks inKyiv = new ResidenceRegistrationChecks(
                Clock.fixed(Instant.parse("2026-11-24T22:30:00Z"), ResidenceRegistration.KYIV));
        assertDoesNotThrow(() -> inKyiv.onSubmit(submission("2012-11-25", null, false)));
    }
}
