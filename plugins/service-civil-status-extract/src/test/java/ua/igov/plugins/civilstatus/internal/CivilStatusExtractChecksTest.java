package ua.igov.plugins.civilstatus.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.Submission;
import ua.igov.platform.spi.SubmissionRejectedException;

class CivilStatusExtractChecksTest {

    private final CivilStatusExtractChecks checks =
            new CivilStatusExtractChecks(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    private static Submission submission(String kind, String relation, String birthDate, String eventDate, String taxNumber) {
        Map<String, Object> applicant = new HashMap<>(Map.of("lastName", "Коваленко", "firstName", "Олена",
                "birthDate", birthDate));
        if (taxNumber != null) {
            applicant.put("taxNumber", taxNumber);
        }
        Map<String, Object> subject = Map.of("lastName", "Коваленко", "firstName", "Олена", "eventDate", eventDate,
                "registrationPlace", "Дніпро");
        Map<String, Object> form = new HashMap<>(Map.of("applicant", applicant, "recordKind", kind,
                "recordSubject", subject, "relation", relation, "purpose", "personal",
                "contacts", Map.of("phone", "+380671234567"), "consentToProcessing", true));
        return new Submission(CivilStatusExtract.CODE, "dnipropetrovsk", null, form);
    }

    private List<String> problemFields(Submission s) {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class, () -> checks.onSubmit(s));
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void aPersonAskingForTheirOwnBirthRecordPasses() {
        assertDoesNotThrow(() -> checks.onSubmit(submission("birth", "self", "1990-03-09", "1990-03-09", "3294001234")));
        assertDoesNotThrow(() -> checks.onSubmit(submission("birth", "self", "1990-03-09", "1990-03-09", null)));
    }

    @Test
    void relativesAskForOtherPeoplesRecords() {
        assertDoesNotThrow(() -> checks.onSubmit(submission("death", "heir", "1960-01-01", "2020-05-17", null)));
        assertDoesNotThrow(() -> checks.onSubmit(submission("death", "child", "1960-01-01", "1901-01-01", null)),
                "an event before the applicant was born is fine when it is not about them");
        assertDoesNotThrow(() -> checks.onSubmit(submission("birth", "parent", "1960-01-01", "1990-03-09", null)));
        assertDoesNotThrow(() -> checks.onSubmit(submission("marriage", "self", "1990-03-09", "2015-06-20", null)));
    }

    @Test
    void theEventIsNeitherInTheFutureNorBefore1900() {
        assertEquals(List.of("/recordSubject/eventDate"),
                problemFields(submission("marriage", "spouse", "1990-03-09", "2026-11-26", null)));
        assertEquals(List.of("/recordSubject/eventDate"),
                problemFields(submission("death", "heir", "1990-03-09", "1899-12-31", null)));
        assertDoesNotThrow(() -> checks.onSubmit(submission("death", "heir", "1990-03-09", "1900-01-01", null)));
        assertDoesNotThrow(() -> checks.onSubmit(submission("marriage", "spouse", "1990-03-09", "2026-11-25", null)),
                "an event of today can be asked about");
    }

    @Test
    void nobodyAsksForTheirOwnDeathRecord() {
        assertEquals(List.of("/relation"), problemFields(submission("death", "self", "1990-03-09", "2020-05-17", null)));
    }

    @Test
    void ownBirthRecordMustBeOnTheApplicantsBirthDate() {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class,
                () -> checks.onSubmit(submission("birth", "self", "1990-03-09", "1990-03-10", null)));
        assertEquals(List.of("/recordSubject/eventDate"), e.problems().stream().map(FieldProblem::field).toList());
        assertTrue(e.problems().get(0).message().contains("1990-03-09"), e.problems().get(0).message());
    }

    @Test
    void ownRecordsCannotPredateTheApplicant() {
        assertEquals(List.of("/recordSubject/eventDate"),
                problemFields(submission("name-change", "self", "1990-03-09", "1989-01-01", null)));
    }

    @Test
    void theApplicantIsNotBornInTheFuture() {
        assertEquals(List.of("/applicant/birthDate"),
                problemFields(submission("marriage", "spouse", "2027-01-01", "2015-06-20", null)));
    }

    @Test
    void theTaxNumberMustHaveItsCheckDigitAndTheApplicantsBirthDate() {
        assertDoesNotThrow(() -> checks.onSubmit(submission("birth", "self", "1990-03-09", "1990-03-09", "3294001234")));
        assertEquals(List.of("/applicant/taxNumber"),
                problemFields(submission("birth", "self", "1990-03-09", "1990-03-09", "3294001235")), "check digit");
        assertEquals(List.of("/applicant/taxNumber"),
                problemFields(submission("birth", "self", "1990-03-09", "1990-03-09", "3253208770")),
                "a valid number of someone born on 25.01.1989");
    }

    /** Asking for a child's birth record as its parent, one must have been born first; as its child, after. */
    @Test
    void aParentIsBornBeforeTheChildAndAChildAfterTheParent() {
        assertEquals(List.of("/applicant/birthDate"),
                problemFields(submission("birth", "parent", "2026-11-24", "1990-01-01", null)), "a day-old parent");
        assertDoesNotThrow(() -> checks.onSubmit(submission("birth", "parent", "1965-05-05", "1990-01-01", null)));
        assertEquals(List.of("/recordSubject/eventDate"),
                problemFields(submission("birth", "child", "1990-03-09", "2000-01-01", null)), "a parent born after");
        assertDoesNotThrow(() -> checks.onSubmit(submission("birth", "child", "1990-03-09", "1960-01-01", null)));
        assertDoesNotThrow(() -> checks.onSubmit(submission("marriage", "child", "1990-03-09", "1985-06-01", null)),
                "a parents' marriage may be before or after the child");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertEquals(List.of("/relation", "/applicant/taxNumber"),
                problemFields(submission("death", "self", "1990-03-09", "2020-05-17", "3294001235")));
        assertEquals(List.of("/applicant/birthDate", "/recordSubject/eventDate"),
                problemFields(submission("birth", "self", "2027-01-01", "2027-01-01", null)));
    }

    /** 2026-11-25 is today: someone born on 2010-11-25 turns 16 today, on 2010-11-26 tomorrow. */
    @Test
    void anApplicantUnder16IsRefusedWhenAskingInTheirOwnRight() {
        for (String[] kindAndRelation : new String[][] {{"birth", "self"}, {"marriage", "child"}, {"death", "child"},
                {"death", "heir"}, {"divorce", "spouse"}, {"death", "parent"}}) {
            String kind = kindAndRelation[0];
            String relation = kindAndRelation[1];
            String eventDate = "self".equals(relation) ? "2010-11-26" : "2020-05-17";
            SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class,
                    () -> checks.onSubmit(submission(kind, relation, "2010-11-26", eventDate, null)), relation);
            assertEquals(List.of("/applicant/birthDate"), e.problems().stream().map(FieldProblem::field).toList(),
                    kind + " as " + relation);
            assertTrue(e.problems().get(0).message().contains("16"), e.problems().get(0).message());
            assertTrue(e.problems().get(0).message().contains("2026-11-26"), e.problems().get(0).message());
            String sixteenToday = "self".equals(relation) ? "2010-11-25" : "2020-05-17";
            assertDoesNotThrow(() -> checks.onSubmit(submission(kind, relation, "2010-11-25", sixteenToday, null)),
                    kind + " as " + relation + ", 16 today");
        }
    }

    /**
     * A parent gets their child's birth record, and a legal representative acts for the person in the record, whatever
     * the applicant's age (a parent of 15 may have a baby).
     */
    @Test
    void aParentAskingForTheirChildsBirthRecordAndALegalRepresentativeMayBeUnder16() {
        assertDoesNotThrow(() -> checks.onSubmit(submission("birth", "parent", "2011-04-01", "2026-09-01", null)));
        for (String kind : List.of("birth", "marriage", "divorce", "name-change", "death")) {
            assertDoesNotThrow(() -> checks.onSubmit(submission(kind, "legal-representative", "2011-04-01", "2020-05-17",
                    null)), kind);
        }
    }

    /**
     * Someone born on 29 February turns 16 on 28 February of a year without the 29th (Civil Code art. 254), and on the
     * 29th in a leap year: not a day later, as a count of years, months and days would have it.
     */
    @Test
    void someoneBornOn29FebruaryTurns16On28FebruaryInACommonYear() {
        // 2100 is not a leap year: the only kind of year a 29 February birth's 16th birthday can fall in without a 29th
        CivilStatusExtractChecks on28February2100 =
                new CivilStatusExtractChecks(Clock.fixed(Instant.parse("2100-02-28T12:00:00Z"), ZoneOffset.UTC));
        CivilStatusExtractChecks on27February2100 =
                new CivilStatusExtractChecks(Clock.fixed(Instant.parse("2100-02-27T12:00:00Z"), ZoneOffset.UTC));
        assertDoesNotThrow(() -> on28February2100.onSubmit(submission("birth", "self", "2084-02-29", "2084-02-29", null)));
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class,
                () -> on27February2100.onSubmit(submission("birth", "self", "2084-02-29", "2084-02-29", null)));
        assertEquals(List.of("/applicant/birthDate"), e.problems().stream().map(FieldProblem::field).toList());
        assertTrue(e.problems().get(0).message().contains("2100-02-28"), e.problems().get(0).message());

        CivilStatusExtractChecks on28February2024 =
                new CivilStatusExtractChecks(Clock.fixed(Instant.parse("2024-02-28T12:00:00Z"), ZoneOffset.UTC));
        CivilStatusExtractChecks on29February2024 =
                new CivilStatusExtractChecks(Clock.fixed(Instant.parse("2024-02-29T12:00:00Z"), ZoneOffset.UTC));
        assertThrows(SubmissionRejectedException.class,
                () -> on28February2024.onSubmit(submission("birth", "self", "2008-02-29", "2008-02-29", null)),
                "in a leap year the birthday is the 29th");
        assertDoesNotThrow(() -> on29February2024.onSubmit(submission("birth", "self", "2008-02-29", "2008-02-29", null)));

        // any other age the same way: 17 on 28 February 2025
        assertEquals(LocalDate.of(2025, 2, 28), CivilStatusExtractChecks.birthday(LocalDate.of(2008, 2, 29), 17));
        assertEquals(LocalDate.of(2024, 2, 29), CivilStatusExtractChecks.birthday(LocalDate.of(2008, 2, 29), 16));
        assertEquals(LocalDate.of(2026, 3, 1), CivilStatusExtractChecks.birthday(LocalDate.of(2010, 3, 1), 16));
    }

    @Test
    void anImpossibleDateIsAProblemNotACrash() {
        // The schema's date format refuses these first; the handler still answers with a problem if one slips through.
        assertEquals(List.of("/recordSubject/eventDate"),
                problemFields(submission("birth", "parent", "1960-01-01", "1990-02-30", null)));
        assertEquals(List.of("/applicant/birthDate"),
                problemFields(submission("birth", "parent", "09.03.1990", "1990-03-09", null)));
    }
}
