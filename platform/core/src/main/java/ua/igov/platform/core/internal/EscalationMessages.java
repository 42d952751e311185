package ua.igov.platform.core.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.EscalationRule.Action;
import ua.igov.platform.store.EscalationCandidate;
import ua.igov.platform.store.OutboxMessage;

/**
 * The reminders and notifications an escalation sends to staff, in Ukrainian (the officials' working language), each
 * with the tracking number, the service, the status and the due date.
 */
final class EscalationMessages {

    private static final DateTimeFormatter KYIV_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(WorkingCalendar.KYIV);

    private final StaffAddresses addresses;

    EscalationMessages(StaffAddresses addresses) {
        this.addresses = addresses;
    }

    /** What this rule sends about this application; empty when nobody of the roles it names has an address. */
    List<OutboxMessage> messages(EscalationRule rule, EscalationCandidate app) {
        List<OutboxMessage> messages = new ArrayList<>();
        if (rule.actions().contains(Action.REMIND_AUTHORITY)) {
            add(messages, StaffAddresses.OFFICIALS, "Нагадування", rule, app);
        }
        if (rule.actions().contains(Action.NOTIFY_SUPERVISOR)) {
            add(messages, StaffAddresses.SUPERVISORS, "Ескалація", rule, app);
        }
        return messages;
    }

    /** Whether a role named by the rule's actions has no address at the application's authority. */
    boolean unreachable(EscalationRule rule, EscalationCandidate app, Action action) {
        String role = action == Action.REMIND_AUTHORITY ? StaffAddresses.OFFICIALS : StaffAddresses.SUPERVISORS;
        return rule.actions().contains(action) && addresses.of(app.authorityId(), role).isEmpty();
    }

    private void add(List<OutboxMessage> messages, String role, String kind, EscalationRule rule, EscalationCandidate app) {
        String subject = kind + ": звернення " + app.trackingNumber() + " " + why(rule, app);
        String body = kind + ". Звернення " + app.trackingNumber() + " (послуга " + app.serviceCode() + ") "
                + why(rule, app) + ".\n"
                + "Статус: " + app.status() + ".\n"
                + (app.dueAt() == null ? "" : "Строк: до " + KYIV_TIME.format(app.dueAt()) + " (Київ).\n")
                + "Подане: " + KYIV_TIME.format(app.submittedAt()) + ".";
        for (StaffAddresses.Address a : addresses.of(app.authorityId(), role)) {
            messages.add(new OutboxMessage(a.channel(), a.recipient(), subject, body, app.trackingNumber()));
        }
    }

    private static String why(EscalationRule rule, EscalationCandidate app) {
        return switch (rule.trigger()) {
            case UNCLAIMED -> "не взяте в роботу";
            case BEFORE_DUE -> "має бути опрацьоване до " + formatted(app.dueAt());
            case OVERDUE -> "прострочене";
        };
    }

    private static String formatted(Instant at) {
        return at == null ? "" : KYIV_TIME.format(at);
    }
}
