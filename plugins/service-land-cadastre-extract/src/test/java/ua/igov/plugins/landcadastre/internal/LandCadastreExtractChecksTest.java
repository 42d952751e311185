package ua.igov.plugins.landcadastre.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionRejectedException;

class LandCadastreExtractChecksTest {

    private final LandCadastreExtractChecks checks = new LandCadastreExtractChecks();

    private static Submission submission(String cadastralNumber, String taxNumber) {
        Map<String, Object> applicant = new HashMap<>(Map.of("type", "individual", "lastName", "Шевченко",
                "firstName", "Тарас"));
        if (taxNumber != null) {
            applicant.put("taxNumber", taxNumber);
        }
        Map<String, Object> form = new HashMap<>(Map.of("applicant", applicant, "purpose", "notarial-action",
                "delivery", "electronic", "contacts", Map.of("phone", "+380671234567"), "consentToProcessing", true));
        form.put("cadastralNumber", cadastralNumber);
        return new Submission(LandCadastreExtract.CODE, "dnipropetrovsk", null, form);
    }

    private List<String> problemFields(Submission s) {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class, () -> checks.onSubmit(s));
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aPlotInAnOblastWithAValidTaxNumberPasses() {
        assertDoesNotThrow(() -> checks.onSubmit(submission("1210100000:01:001:0001", "3294008776")));
        assertDoesNotThrow(() -> checks.onSubmit(submission("1210100000:01:001:0001", null)));
    }

    @Test
    void everyOblastCodeIsAcceptedAndOnlyThose() {
        assertEquals(27, LandCadastreExtractChecks.OBLAST_CODES.size(), "24 oblasts, Crimea, Kyiv and Sevastopol");
        for (int code = 0; code < 100; code++) {
            String prefix = String.format("%02d", code);
            Submission s = submission(prefix + "10100000:01:001:0001", null);
            if (LandCadastreExtractChecks.OBLAST_CODES.contains(prefix)) {
                assertDoesNotThrow(() -> checks.onSubmit(s), prefix);
            } else {
                assertEquals(List.of("/cadastralNumber"), problemFields(s), prefix);
            }
        }
        for (String known : List.of("8000000000:66:001:0001", "4610100000:01:001:0001", "0110100000:01:001:0001",
                "8500000000:01:001:0001")) {
            assertDoesNotThrow(() -> checks.onSubmit(submission(known, null)), known);
        }
    }

    @Test
    void aPlotOutsideUkraineIsRefusedWithTheReason() {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class,
                () -> checks.onSubmit(submission("9910100000:01:001:0001", null)));
        assertEquals("/cadastralNumber", e.problems().get(0).field());
        assertTrue(e.problems().get(0).message().contains("«99»"), e.problems().get(0).message());
    }

    @Test
    void aMalformedCadastralNumberIsAProblemNotACrash() {
        // The schema refuses these first; the handler still answers with a problem if one slips through.
        assertEquals(List.of("/cadastralNumber"), problemFields(submission("1210100000-01-001-0001", null)));
        assertEquals(List.of("/cadastralNumber"), problemFields(submission("12", null)));
        for (String zeros : List.of("1210100000:00:001:0001", "1210100000:01:000:0001", "1210100000:01:001:0000")) {
            assertEquals(List.of("/cadastralNumber"), problemFields(submission(zeros, null)), zeros + ": numbered from 1");
        }
        assertDoesNotThrow(() -> checks.onSubmit(submission("1210100000:10:100:1000", null)), "zeros within are fine");
    }

    @Test
    void taxNumberCheckDigitFollowsTheStateAlgorithm() {
        assertTrue(LandCadastreExtractChecks.taxNumberValid("3294008776"));
        assertFalse(LandCadastreExtractChecks.taxNumberValid("3253208771"));
        assertFalse(LandCadastreExtractChecks.taxNumberValid("12345"));
        assertEquals(List.of("/applicant/taxNumber"), problemFields(submission("1210100000:01:001:0001", "3253208771")));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(List.of("/cadastralNumber", "/applicant/taxNumber"),
                problemFields(submission("9910100000:01:001:0001", "3253208771")));
    }

    @Test
    void aLegalEntityWithoutATaxNumberPasses() {
        Map<String, Object> form = new HashMap<>(submission("1210100000:01:001:0001", null).form());
        form.put("applicant", Map.of("type", "legal-entity", "lastName", "Коваленко", "firstName", "Олена",
                "organizationName", "ТОВ «Агро»", "edrpou", "12345678"));
        assertDoesNotThrow(() -> checks.onSubmit(new Submission(LandCadastreExtract.CODE, "dnipropetrovsk", null, form)));
    }

    /** A mistyped legal entity's code is caught like a mistyped tax number. */
    @Test
    void anEdrpouCodesCheckDigitIsChecked() {
        assertTrue(LandCadastreExtractChecks.edrpouValid("14360570")); // a bank's published code
        assertTrue(LandCadastreExtractChecks.edrpouValid("00032129")); // another bank's
        assertTrue(LandCadastreExtractChecks.edrpouValid("00321265")); // a first remainder of 10: weights 3 to 9 give 5
        assertTrue(LandCadastreExtractChecks.edrpouValid("12345678"));
        assertFalse(LandCadastreExtractChecks.edrpouValid("14360571"));
        assertFalse(LandCadastreExtractChecks.edrpouValid("1436057"));
        Map<String, Object> form = new HashMap<>(submission("1210100000:01:001:0001", null).form());
        form.put("applicant", Map.of("type", "legal-entity", "lastName", "Коваленко", "firstName", "Олена",
                "organizationName", "ТОВ «Агро»", "edrpou", "14360571"));
        assertEquals(List.of("/applicant/edrpou"),
                problemFields(new Submission(LandCadastreExtract.CODE, "dnipropetrovsk", null, form)));
    }
}
