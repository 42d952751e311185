package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import ua.igov.platform.store.CitizenContact;
import ua.igov.platform.store.OutboxMessage;

/** The platform's own texts: both languages say the same things, and a review's messages reach every address given. */
class CitizenNotificationsTest {

    private static Properties texts(String language) throws Exception {
        Properties texts = new Properties();
        texts.load(new InputStreamReader(CitizenNotifications.class.getResourceAsStream(
                "/ua/igov/platform/core/notifications/" + language + ".properties"), StandardCharsets.UTF_8));
        return texts;
    }

    @Test
    void ukrainianAndEnglishHaveTheSameTextsAndEveryReviewActionHasAll() throws Exception {
        Properties uk = texts("uk");
        Properties en = texts("en");
        assertEquals(uk.stringPropertyNames(), en.stringPropertyNames());
        for (String action : CitizenNotifications.REVIEW_ACTIONS) {
            for (String part : List.of(".subject", ".body", ".sms")) {
                assertTrue(uk.getProperty(action + part, "").contains("{trackingNumber}") || part.equals(".body"),
                        action + part);
                assertTrue(!uk.getProperty(action + part, "").isBlank() && !en.getProperty(action + part, "").isBlank(),
                        action + part);
            }
        }
    }

    @Test
    void aReviewMessageGoesToEveryAddressGivenAndNowhereWithoutOne() {
        CitizenNotifications notifications = new CitizenNotifications("https://igov.example/t/{trackingNumber}");
        List<OutboxMessage> both = notifications.aboutReview(CitizenNotifications.REVIEW_HIDDEN, "1-0000-0001-4",
                new CitizenContact("olena@example.ua", "+380501234567", "en"), "Residence registration", "Insults");
        assertEquals(List.of("email", "sms"), both.stream().map(OutboxMessage::channel).toList());
        assertEquals("Application 1-0000-0001-4: your comment was hidden", both.get(0).subject());
        assertTrue(both.get(0).body().contains("Reason: Insults"), both.get(0).body());
        assertTrue(both.get(1).body().contains("https://igov.example/t/1-0000-0001-4"), both.get(1).body());
        assertEquals(List.of(), notifications.aboutReview(CitizenNotifications.REVIEW_HIDDEN, "1-0000-0001-4",
                new CitizenContact(null, null, "uk"), "x", "y"));
        assertEquals(List.of(), notifications.aboutReview(CitizenNotifications.REVIEW_HIDDEN, "1-0000-0001-4", null, "x", "y"));
        assertThrows(IllegalArgumentException.class, () -> notifications.aboutReview("claim", "1-0000-0001-4",
                new CitizenContact("olena@example.ua", null, "uk"), "x", "y"));
    }

    /** A plugin's text that leaves a part blank gets the platform's for it, not a message of no words. */
    @Test
    void aPartAPluginLeavesBlankIsThePlatforms() throws Exception {
        InstalledServiceType type = serviceWithTexts("Видано: {trackingNumber}", " ", "");
        List<OutboxMessage> messages = new CitizenNotifications("https://igov.example/t/{trackingNumber}").about("issue",
                ua.igov.platform.spi.Status.ISSUED, "1-0000-0001-4", new CitizenContact("olena@example.ua", "+380501234567", "uk"),
                type, "Послуга", null);
        Properties uk = texts("uk");
        assertEquals("Видано: 1-0000-0001-4", messages.get(0).subject(), "the plugin's own part");
        assertTrue(messages.get(0).body().startsWith(uk.getProperty("issue.body").replace("{service}", "Послуга")
                .substring(0, 10)), messages.get(0).body());
        assertTrue(messages.get(1).body().startsWith(uk.getProperty("issue.sms").substring(0, 10)), messages.get(1).body());
    }

    private static InstalledServiceType serviceWithTexts(String subject, String body) throws Exception {
        return serviceWithTexts(subject, body, body);
    }

    /** A service whose own texts are these, for every step and language. */
    private static InstalledServiceType serviceWithTexts(String subject, String body, String sms) throws Exception {
        ua.igov.platform.spi.ServiceType type = new ua.igov.platform.spi.ServiceType() {
            public String code() { return "s"; }
            public ua.igov.platform.spi.LocalizedText name() { return ua.igov.platform.spi.LocalizedText.of("Послуга"); }
            public java.util.Set<Integer> catalogueServiceIds() { return java.util.Set.of(1); }
            public ua.igov.platform.spi.FormDefinition form() { return new ua.igov.platform.spi.FormDefinition("1.0", "{}"); }
            public java.util.Optional<ua.igov.platform.spi.NotificationTemplate> notificationTemplate(String step, String language) {
                return java.util.Optional.of(new ua.igov.platform.spi.NotificationTemplate(subject, body, sms));
            }
        };
        return new InstalledServiceType(type, FormSchema.compile("{}"), new PluginOrigin("s", "1"));
    }

    /**
     * Braces in an official's reason stay as written, on every node: the placeholders were replaced one after
     * another in the order of a map that changes with every start, so "{statusLink}" in a note was expanded on some.
     */
    @Test
    void placeholdersInAReasonStayAsWritten() throws Exception {
        List<OutboxMessage> messages = new CitizenNotifications("https://igov.example/t/{trackingNumber}").about("reject",
                ua.igov.platform.spi.Status.REJECTED, "1-0000-0001-4", new CitizenContact("olena@example.ua", null, "uk"),
                serviceWithTexts("{service}: {trackingNumber}", "Причина: {note}. {unknown}"), "Послуга",
                "see {statusLink} and {trackingNumber} $1 \\");
        // and whatever order the values come in: the note first is the order that expanded the braces in it
        java.util.Map<String, String> noteFirst = new java.util.LinkedHashMap<>();
        noteFirst.put("note", "see {statusLink}");
        noteFirst.put("statusLink", "https://igov.example/t/1");
        assertEquals("Причина: see {statusLink}. https://igov.example/t/1",
                CitizenNotifications.fill("Причина: {note}. {statusLink}", noteFirst));
        assertEquals("Послуга: 1-0000-0001-4", messages.get(0).subject());
        assertTrue(messages.get(0).body().startsWith("Причина: see {statusLink} and {trackingNumber} $1 \\. {unknown}"),
                messages.get(0).body());
    }

    /** A long subject is cut before the tracking number is added to it, so the number is always there. */
    @Test
    void aLongSubjectKeepsTheTrackingNumber() throws Exception {
        List<OutboxMessage> messages = new CitizenNotifications("https://igov.example/t/{trackingNumber}").about("reject",
                ua.igov.platform.spi.Status.REJECTED, "1-0000-0001-4", new CitizenContact("olena@example.ua", null, "uk"),
                serviceWithTexts("Відмова: {note}", "Причина: {note}"), "Послуга", "я".repeat(2000));
        String subject = messages.get(0).subject();
        assertTrue(subject.endsWith("… (1-0000-0001-4)") && subject.length() <= 500, subject);

        // a template that puts the number after a long note keeps it too, and no emoji is cut in half
        List<OutboxMessage> after = new CitizenNotifications("https://igov.example/t/{trackingNumber}").about("reject",
                ua.igov.platform.spi.Status.REJECTED, "1-0000-0001-4", new CitizenContact("olena@example.ua", null, "uk"),
                serviceWithTexts("{note} ({trackingNumber})", "Причина: {note}"), "Послуга", "я".repeat(399) + "👍".repeat(100));
        String kept = after.get(0).subject();
        assertTrue(kept.endsWith("… (1-0000-0001-4)") && kept.length() <= 500, kept);
        assertTrue(kept.codePoints().noneMatch(c -> Character.isSurrogate((char) c) && c <= 0xFFFF), "no half emoji");
    }
}
