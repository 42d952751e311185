package ua.igov.plugins.residence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.Decision;
import ua.igov.platform.spi.FormResources;
import ua.igov.platform.spi.Submission;

class ResidenceRegistrationTest {

    private final ResidenceRegistration service = new ResidenceRegistration();

    private static Map<String, Object> form(boolean deregister) {
        Map<String, Object> form = new HashMap<>();
        form.put("applicant", Map.of("lastName", "Шевченко", "firstName", "Тарас", "patronymic", "", "birthDate",
                "1990-03-09", "taxNumber", "3294008776", "citizenship", "UA"));
        form.put("document", Map.of("type", "id-card", "number", "001234567"));
        form.put("newAddress", Map.of("settlement", "Дніпро", "street", "просп. Яворницького", "building", "1",
                "apartment", "12", "postalCode", "49000"));
        form.put("arrivedOn", "2026-11-20");
        form.put("previousAddress", Map.of("settlement", "Черкаси", "street", "вул. Шевченка", "building", "5"));
        form.put("deregisterPrevious", deregister);
        form.put("basis", "owner");
        form.put("contacts", Map.of("phone", "+380501234567"));
        form.put("consentToProcessing", true);
        return form;
    }

    /** The citizen's proof of registration says whom and where: before, it held the tracking number alone. */
    @Test
    void theExtractSaysWhoIsRegisteredWhereAndWhatWasLeft() {
        Map<String, Object> document = service.issueDocument(new Decision("1-00000001-6", service.code(), form(true), "olena"));
        assertEquals(Map.of("lastName", "Шевченко", "firstName", "Тарас", "birthDate", "1990-03-09"), document.get("person"),
                "an empty patronymic is left out; the tax number and document do not belong on it");
        assertEquals("49000, Дніпро, просп. Яворницького, буд. 1, кв. 12", document.get("registeredAddress"));
        assertEquals("Черкаси, вул. Шевченка, буд. 5", document.get("deregisteredAddress"));
        assertFalse(document.containsValue("olena"), "the official's login is never on it");

        Map<String, Object> kept = service.issueDocument(new Decision("1-00000001-6", service.code(), form(false), "olena"));
        assertFalse(kept.containsKey("deregisteredAddress"), "nothing left when not asked to");
    }

    @Test
    void messagesGoToTheFormsContacts() {
        assertEquals(Optional.of("/contacts/phone"), service.contactPhoneField());
        assertEquals(Optional.of("/contacts/email"), service.contactEmailField());
    }

    /** A submission of the test form with the citizen arrived on {@code arrivedOn}. */
    private static Submission arrivedOn(String arrivedOn) {
        Map<String, Object> form = form(false);
        form.put("arrivedOn", arrivedOn);
        return new Submission(ResidenceRegistration.CODE, "dnipropetrovsk", null, form);
    }

    private static ResidenceRegistration on(String instant) {
        return new ResidenceRegistration(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    /**
     * Law 1871-IX art. 6: 1.5 % of the subsistence minimum for able-bodied persons (49.92 UAH in 2026) within 30
     * calendar days after arriving, 2.5 % (83.20 UAH) later. The days count from the day after the arrival, so the
     * 30th day after it is still in time. Before, the service was free.
     */
    @Test
    void theFeeIsOneAndAHalfPercentWithin30DaysOfArrivalAndTwoAndAHalfLater() {
        ResidenceRegistration november25 = on("2026-11-25T12:00:00Z");
        assertEquals(4_992, november25.feeInKopiykas(arrivedOn("2026-11-25")), "the day of arrival");
        assertEquals(4_992, november25.feeInKopiykas(arrivedOn("2026-11-20")));
        assertEquals(4_992, november25.feeInKopiykas(arrivedOn("2026-10-26")), "the 30th day after the arrival");
        assertEquals(8_320, november25.feeInKopiykas(arrivedOn("2026-10-25")), "the 31st");
        assertEquals(8_320, november25.feeInKopiykas(arrivedOn("2001-06-01")));
        assertEquals(4_992, on("2026-03-31T12:00:00Z").feeInKopiykas(arrivedOn("2026-03-01")),
                "30 days across a month of 31");
        assertEquals(8_320, on("2026-03-03T12:00:00Z").feeInKopiykas(arrivedOn("2026-01-31")),
                "31 days across February");
    }

    /** The figure is that of 1 January of the year the citizen applies in, the Kyiv year. */
    @Test
    void theFeeFollowsTheYearOfTheApplicationInKyiv() {
        assertEquals(4_542, on("2024-06-01T12:00:00Z").feeInKopiykas(arrivedOn("2024-05-20")));
        assertEquals(7_570, on("2024-06-01T12:00:00Z").feeInKopiykas(arrivedOn("2024-04-01")));
        assertEquals(4_542, on("2025-12-31T21:30:00Z").feeInKopiykas(arrivedOn("2025-12-20")), "23:30 in Kyiv: 2025");
        assertEquals(4_992, on("2025-12-31T22:30:00Z").feeInKopiykas(arrivedOn("2025-12-20")),
                "00:30 on 1 January in Kyiv, still 2025 in UTC: 2026's figure");
        // 22:30 UTC on 24 November is the 25th in Kyiv: the 31st day after 25 October, late (by UTC it were the 30th)
        assertEquals(8_320, on("2026-11-24T22:30:00Z").feeInKopiykas(arrivedOn("2026-10-25")));
    }

    /**
     * An answer to an official's question is priced again, weeks later: as of the day the citizen applied (in time,
     * by 2026's figure), not of the day of the answer (which would be late, and 2027).
     */
    @Test
    void anAnswerIsPricedAsOfTheDayOfTheApplication() {
        ua.igov.platform.spi.Submission applied = arrivedOn("2026-11-20");
        ua.igov.platform.spi.Submission answered = new ua.igov.platform.spi.Submission(applied.serviceCode(),
                applied.regionId(), applied.placeId(), applied.form(), java.time.Instant.parse("2026-11-25T10:00:00Z"));
        assertEquals(4_992, on("2027-01-12T10:00:00Z").feeInKopiykas(answered));
        assertEquals(8_320, on("2027-01-12T10:00:00Z").feeInKopiykas(applied), "without its time: today's");
    }

    /** Declarative Services builds the component through its public no-argument constructor; it has one still. */
    @Test
    void declarativeServicesCanBuildTheComponent() throws Exception {
        assertTrue(Modifier.isPublic(ResidenceRegistration.class.getConstructor().getModifiers()));
        ResidenceRegistration built = new ResidenceRegistration();
        long fee = built.feeInKopiykas(arrivedOn("2001-06-01"));
        assertTrue(fee >= 8_320, "the late fee of this year, by the system's clock: " + fee);
    }

    private static Object schema() {
        return FormFiles.parse(FormResources.read(ResidenceRegistration.class, "/form/residence-registration.schema.json"));
    }

    private static Object uiHints() {
        return FormFiles.parse(new ResidenceRegistration().uiHints().orElseThrow());
    }

    /** Form 1.4 asks for the date of arrival, which the fee depends on: required, a date, laid out like the others. */
    @Test
    void theFormAsksForTheDateOfArrival() {
        Object schema = schema();
        assertTrue(((List<?>) FormFiles.at(schema, "required")).contains("arrivedOn"));
        assertEquals("string", FormFiles.at(schema, "properties", "arrivedOn", "type"));
        assertEquals("date", FormFiles.at(schema, "properties", "arrivedOn", "format"));
        assertTrue(FormFiles.at(schema, "properties", "arrivedOn", "title") instanceof String title
                && title.contains("прибуття"));
        Object hints = uiHints();
        List<?> order = (List<?>) FormFiles.at(hints, "order");
        assertEquals(order.indexOf("newAddress") + 1, order.indexOf("arrivedOn"), "right after the new address: " + order);
        assertEquals("date", FormFiles.at(hints, "fields", "arrivedOn", "widget"));
        assertEquals("Date of arrival at the new address", FormFiles.at(hints, "labels", "en", "arrivedOn"));
    }

    /**
     * A residence permit issued before 2016 is a booklet with a series, which the checks want: the series field is
     * shown, titled and labelled for it too (form 1.3 showed and named it for a passport booklet only).
     */
    @Test
    void theSeriesFieldIsShownAndNamedForAResidencePermitBookletToo() {
        Object shownWhen = FormFiles.at(uiHints(), "fields", "document/series", "showWhen", "document/type");
        assertEquals(List.of("passport-booklet", "residence-permit"), shownWhen);
        String title = (String) FormFiles.at(schema(), "properties", "document", "properties", "series", "title");
        assertTrue(title.contains("посвідки на проживання"), title);
        String label = (String) FormFiles.at(uiHints(), "labels", "en", "document/series");
        assertTrue(label.contains("residence permit"), label);
    }

    /** The schema's $id names the form version the plugin serves it as: a change to one is a change to both. */
    @Test
    void theSchemasIdNamesTheFormVersion() {
        assertEquals("1.5", ResidenceRegistration.FORM_VERSION);
        assertEquals("urn:igov:form:residence-registration:" + ResidenceRegistration.FORM_VERSION,
                FormFiles.at(schema(), "$id"));
    }
}
