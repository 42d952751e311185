package ua.igov.plugins.residence.internal;

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
        Map<String, Object> form = new HashMap<>(Map.of("applicant", applicant, "newAddress", address,
                "arrivedOn", "2026-11-20"));
        form.put("deregisterPrevious", deregister);
        form.put("previousAddress", Map.of("settlement", "дніпро ", "street", "Яворницького", "building", "1"));
        return new Submission(ResidenceRegistration.CODE, "dnipropetrovsk", null, form);
    }

    /** {@code s} with its top-level field {@code field} set to {@code value}. */
    private static Submission with(Submission s, String field, Object value) {
        Map<String, Object> form = new HashMap<>(s.form());
        form.put(field, value);
        return new Submission(s.serviceCode(), s.regionId(), s.placeId(), form);
    }

    /** {@code s} of an applicant aged 14 to 17, who says the address is their parents'. */
    private static Submission minor(Submission s) {
        return with(s, "minorsBasis", "parents-address");
    }

    private List<String> problemFields(Submission s) {
        return problemFields(checks, s);
    }

    private static List<String> problemFields(ResidenceRegistrationChecks checks, Submission s) {
        SubmissionRejectedException e = assertThrows(SubmissionRejectedException.class, () -> checks.onSubmit(s));
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    private static ResidenceRegistrationChecks checksOn(String instant) {
        return new ResidenceRegistrationChecks(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
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
        assertDoesNotThrow(() -> checks.onSubmit(minor(submission("2012-11-25", null, false))));
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
        assertEquals("/document/series", noSeries.get(0).field());
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

    /**
     * A foreigner with a residence permit booklet (before 2016: a series and 6 digits) who left the series out is
     * asked for it in the series field, which form 1.4 shows for a residence permit; before, the problem pointed at
     * the number, and the series field was shown for a passport booklet only, so the citizen could not give it.
     */
    @Test
    void aPermitBookletWithoutItsSeriesIsAskedForItWhereTheSeriesIsGiven() {
        assertEquals(List.of("/document/series"), documentProblems("other", Map.of("type", "residence-permit",
                "number", "123456")));
        assertEquals(List.of("/document/series"), documentProblems("stateless", Map.of("type", "residence-permit",
                "number", "123456")));
        assertEquals(List.of(), documentProblems("other", Map.of("type", "residence-permit", "series", "ІН",
                "number", "123456")), "given, it passes");
        assertEquals(List.of("/document/number"), documentProblems("other", Map.of("type", "residence-permit",
                "number", "1234567")), "7 digits are neither a card's nor a booklet's: the number is wrong");
    }

    /** The date of arrival at the new address: not in the future, not before the applicant was born. */
    @Test
    void theDateOfArrivalIsNeitherInTheFutureNorBeforeTheBirth() {
        Submission adult = submission("1990-03-09", null, false);
        assertDoesNotThrow(() -> checks.onSubmit(with(adult, "arrivedOn", "2026-11-25")), "today");
        assertDoesNotThrow(() -> checks.onSubmit(with(adult, "arrivedOn", "1990-03-09")), "the day of birth");
        assertDoesNotThrow(() -> checks.onSubmit(with(adult, "arrivedOn", "2001-06-01")), "long ago: late, not wrong");
        assertEquals(List.of("/arrivedOn"), problemFields(with(adult, "arrivedOn", "2026-11-26")), "tomorrow");
        assertEquals(List.of("/arrivedOn"), problemFields(with(adult, "arrivedOn", "1990-03-08")), "before the birth");
        // the Kyiv date: at 23:30 UTC on the 25th it is the 26th in Kyiv, and an arrival that day has happened
        assertDoesNotThrow(() -> checksOn("2026-11-25T23:30:00Z").onSubmit(with(adult, "arrivedOn", "2026-11-26")));
        assertEquals(List.of("/applicant/birthDate"), problemFields(with(submission("2027-01-01", null, false),
                "arrivedOn", "2026-11-20")), "a birth date in the future is the wrong one; the arrival is not judged by it");
    }

    /**
     * A term in years that ends in a month without its day ends on that month's last day (Civil Code, art. 254):
     * someone born on 29 February 2012 is 14 on 28 February 2026. Period.between counted 13 years, 11 months, 30
     * days, and sent them to the children's service.
     */
    @Test
    void someoneBornOn29FebruaryIs14On28FebruaryOfACommonYear() {
        Submission leapling = minor(with(submission("2012-02-29", null, false), "arrivedOn", "2026-02-20"));
        assertDoesNotThrow(() -> checksOn("2026-02-28T12:00:00Z").onSubmit(leapling));
        assertEquals(List.of("/applicant/birthDate"), problemFields(checksOn("2026-02-27T12:00:00Z"), leapling));
        assertTrue(ResidenceRegistrationChecks.isAtLeast(14, LocalDate.of(2014, 2, 28), LocalDate.of(2028, 2, 28)));
        assertFalse(ResidenceRegistrationChecks.isAtLeast(14, LocalDate.of(2014, 3, 1), LocalDate.of(2028, 2, 29)),
                "in a leap year the 29th is a day of its own");
        assertTrue(ResidenceRegistrationChecks.isAtLeast(14, LocalDate.of(2012, 2, 29), LocalDate.of(2026, 3, 1)));
        assertFalse(ResidenceRegistrationChecks.isAtLeast(14, LocalDate.of(2012, 2, 29), LocalDate.of(2026, 2, 27)));
    }

    /**
     * Two villages of one name: the same settlement, street, building and apartment are two addresses when both give
     * their settlement's KATOTTG (or KOATUU, or postal) code and the codes differ. A code given by one alone says
     * nothing, and the same codes leave the names to decide.
     */
    @Test
    void addressesOfOneNameInDifferentSettlementsAreTwo() {
        Map<String, Object> address = Map.of("settlement", "Миколаївка", "street", "Шевченка", "building", "1");
        for (String[] codes : new String[][] {{"katottg", "UA12020010010070536", "UA48040170010012345"},
                {"koatuu", "1221055300", "4824255100"}, {"postalCode", "52320", "57130"}}) {
            Map<String, Object> here = new HashMap<>(address);
            here.put(codes[0], codes[1]);
            Map<String, Object> there = new HashMap<>(address);
            there.put(codes[0], codes[2]);
            assertFalse(ResidenceRegistrationChecks.sameAddress(here, there), codes[0]);
            assertDoesNotThrow(() -> checks.onSubmit(with(with(submission("1990-03-09", null, true),
                    "newAddress", here), "previousAddress", there)), codes[0]);
            assertTrue(ResidenceRegistrationChecks.sameAddress(here, new HashMap<>(here)), codes[0] + " alike");
            assertTrue(ResidenceRegistrationChecks.sameAddress(here, address), codes[0] + " given by one only");
        }
        Map<String, Object> sameCode = new HashMap<>(address);
        sameCode.put("katottg", "UA12020010010070536");
        sameCode.put("postalCode", "52320");
        Map<String, Object> otherPostalCode = new HashMap<>(sameCode);
        otherPostalCode.put("postalCode", "52321");
        assertFalse(ResidenceRegistrationChecks.sameAddress(sameCode, otherPostalCode), "one code differing is enough");
        assertEquals(List.of("/previousAddress"), problemFields(with(with(submission("1990-03-09", null, true),
                "newAddress", sameCode), "previousAddress", new HashMap<>(sameCode))));
    }

    /**
     * An application to the Dnipropetrovsk offering for an address whose codes say Mykolaiv oblast is refused at the
     * code that says so; codes of the region itself, or an offering of a region the table does not know, pass.
     */
    @Test
    void aNewAddressInAnotherRegionIsRefused() {
        Map<String, Object> address = new HashMap<>(Map.of("settlement", "Миколаївка", "street", "Шевченка",
                "building", "1", "katottg", "UA48040170010012345", "koatuu", "4824255100"));
        Submission elsewhere = with(submission("1990-03-09", null, false), "newAddress", address);
        assertEquals(List.of("/newAddress/katottg", "/newAddress/koatuu"), problemFields(elsewhere));
        Map<String, Object> home = new HashMap<>(address);
        home.put("katottg", "UA12020010010070536");
        home.put("koatuu", "1221055300");
        assertDoesNotThrow(() -> checks.onSubmit(with(submission("1990-03-09", null, false), "newAddress", home)));
        Submission unknownRegion = new Submission(ResidenceRegistration.CODE, "testland", null, elsewhere.form());
        assertDoesNotThrow(() -> checks.onSubmit(unknownRegion));
        assertEquals(27, ResidenceRegistrationChecks.REGION_CODES.size(), "every region plugin the platform ships");
    }

    /** A 16-year-old says whether the address is their parents' or another home with their consent; an adult need not. */
    @Test
    void anApplicantOf14To17SaysWhetherTheAddressIsTheirParentsOrConsented() {
        Submission sixteen = submission("2010-06-01", null, false);
        assertEquals(List.of("/minorsBasis"), problemFields(sixteen));
        assertDoesNotThrow(() -> checks.onSubmit(with(sixteen, "minorsBasis", "parents-address")));
        assertDoesNotThrow(() -> checks.onSubmit(with(sixteen, "minorsBasis", "parental-consent")));
        assertDoesNotThrow(() -> checks.onSubmit(submission("2008-11-25", null, false)), "18 today");
        assertEquals(List.of("/minorsBasis"), problemFields(submission("2008-11-26", null, false)), "18 tomorrow");
    }

    /** "Today" is Kyiv's: at 00:30 in Kyiv (22:30 UTC the day before) a 14th birthday has come. */
    @Test
    void todayIsKyivsWhateverTheServersZone() {
        ResidenceRegistrationChecks inKyiv = new ResidenceRegistrationChecks(
                Clock.fixed(Instant.parse("2026-11-24T22:30:00Z"), ResidenceRegistration.KYIV));
        assertDoesNotThrow(() -> inKyiv.onSubmit(minor(submission("2012-11-25", null, false))));
        // the component's clock is the system's UTC one: "today" is still Kyiv's
        assertDoesNotThrow(() -> checksOn("2026-11-24T22:30:00Z").onSubmit(minor(submission("2012-11-25", null, false))));
    }
}
