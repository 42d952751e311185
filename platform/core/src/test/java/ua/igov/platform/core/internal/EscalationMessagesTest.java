package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.EscalationRule.Action;
import ua.igov.platform.spi.EscalationRule.Trigger;
import ua.igov.platform.store.EscalationCandidate;
import ua.igov.platform.store.OutboxMessage;

class EscalationMessagesTest {

    private static final EscalationRule OVERDUE = new EscalationRule("overdue", Trigger.OVERDUE, 0,
            Set.of(Action.NOTIFY_SUPERVISOR, Action.REMIND_AUTHORITY));
    private static final EscalationMessages MESSAGES = new EscalationMessages(StaffAddresses.parse(new String[] {
        "7 officials email:cnap-7@example.org", "7 supervisors email:head-7@example.org; 7 supervisors sms:+380501112233"}));

    private static List<EscalationCandidate> overdue(int count) {
        List<EscalationCandidate> apps = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            apps.add(new EscalationCandidate(i, String.format("1-%08d-0", i), "residence-registration", "1.0", "kyiv", 7,
                    "submitted", 0, Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-27T21:59:59Z")));
        }
        return apps;
    }

    @Test
    void manyApplicationsOfOneAuthorityMakeOneMessagePerAddress() {
        List<OutboxMessage> sent = MESSAGES.messages(OVERDUE, 7, "kyiv", overdue(5));
        assertEquals(List.of("cnap-7@example.org", "head-7@example.org", "+380501112233"),
                sent.stream().map(OutboxMessage::recipient).toList());
        OutboxMessage toHead = sent.get(1);
        assertEquals("Ескалація: 5 звернень прострочені (регіон kyiv)", toHead.subject());
        assertEquals("Ескалація. 5 звернень прострочені (регіон kyiv) (час — київський):", toHead.body().lines()
                .findFirst().orElseThrow());
        assertTrue(toHead.body().contains("1-00000001-0 (residence-registration), статус submitted, строк до 27.11.2026 23:59, "
                + "подане 25.11.2026 12:00"), toHead.body());
        assertEquals(6, toHead.body().lines().count(), "a heading and one line per application");
        assertNull(toHead.trackingNumber(), "about five applications, not one");
        assertEquals("Нагадування: 5 звернень прострочені (регіон kyiv)", sent.get(0).subject());
        OutboxMessage sms = MESSAGES.messages(OVERDUE, 7, "kyiv", overdue(100)).get(2);
        assertEquals("+380501112233", sms.recipient());
        assertEquals("Ескалація: 100 звернень прострочені (регіон kyiv)", sms.body(), "an SMS is the summary, one short line");
    }

    @Test
    void anAddressListedForEveryAuthorityAndForItsOwnGetsOneMessage() {
        EscalationMessages twice = new EscalationMessages(StaffAddresses.parse(new String[] {
            "* supervisors email:head@example.org; 7 supervisors email:head@example.org; 7 supervisors sms:+380501112233"}));
        assertEquals(List.of("head@example.org", "+380501112233"), twice.messages(new EscalationRule("overdue",
                Trigger.OVERDUE, 0, Set.of(Action.NOTIFY_SUPERVISOR)), 7, "kyiv", overdue(2)).stream()
                .map(OutboxMessage::recipient).toList());
    }

    /**
     * Authority 89 serves several regions, each with its own office: an address for one region hears only of that
     * region's applications; one for the authority as a whole, of every region's.
     */
    @Test
    void anAddressForOneRegionOfAnAuthorityHearsOnlyOfThatRegion() {
        EscalationMessages perRegion = new EscalationMessages(StaffAddresses.parse(new String[] {
            "7@lviv supervisors email:head-lviv@example.org; 7@kyiv supervisors email:head-kyiv@example.org; "
                + "7 supervisors email:director@example.org"}));
        EscalationRule notify = new EscalationRule("overdue", Trigger.OVERDUE, 0, Set.of(Action.NOTIFY_SUPERVISOR));
        assertEquals(List.of("head-kyiv@example.org", "director@example.org"), perRegion.messages(notify, 7, "kyiv",
                overdue(2)).stream().map(OutboxMessage::recipient).toList());
        assertEquals(List.of("head-lviv@example.org", "director@example.org"), perRegion.messages(notify, 7, "lviv",
                overdue(2)).stream().map(OutboxMessage::recipient).toList());
        assertFalse(perRegion.unreachable(notify, overdue(1).get(0), Action.NOTIFY_SUPERVISOR));
        assertTrue(new EscalationMessages(StaffAddresses.parse(new String[] {"7@lviv supervisors email:x@example.org"}))
                .unreachable(notify, overdue(1).get(0), Action.NOTIFY_SUPERVISOR), "kyiv's application: nobody there");
    }

    @Test
    void oneApplicationIsToldAboutByItsNumber() {
        OutboxMessage one = MESSAGES.messages(OVERDUE, 7, "kyiv", overdue(1)).get(0);
        assertEquals("Нагадування: звернення 1-00000001-0 прострочене (регіон kyiv)", one.subject());
        assertEquals("1-00000001-0", one.trackingNumber());
    }

    @Test
    void aLongListNamesTheFirstHundredAndCountsTheRest() {
        String body = MESSAGES.messages(OVERDUE, 7, "kyiv", overdue(123)).get(0).body();
        assertTrue(body.contains("1-00000100-0") && !body.contains("1-00000101-0"), "the first 100 named");
        assertTrue(body.endsWith("… і ще 23 звернення: усі вони в черзі органу."), body);
    }

    @Test
    void nobodyWithAnAddressGetsNothing() {
        assertEquals(List.of(), MESSAGES.messages(OVERDUE, 8, "kyiv", overdue(3)));
    }

    @Test
    void theCountAgreesWithItsNumberInUkrainian() {
        for (int n : new int[] {1, 2, 3, 4, 21, 22, 24, 101, 1002}) {
            assertEquals("звернення", EscalationMessages.applications(n), String.valueOf(n));
        }
        for (int n : new int[] {0, 5, 10, 11, 12, 14, 15, 20, 25, 100, 111, 112, 1000}) {
            assertEquals("звернень", EscalationMessages.applications(n), String.valueOf(n));
        }
    }
}
