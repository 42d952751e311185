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
 * The reminders and notifications an escalation sends to staff, in Ukrainian (the officials' working language), with
 * the tracking number, the service, the status and the due date of each application. What one rule recorded for one
 * authority in one run goes out as one message per address: after a holiday a supervisor gets one message about
 * the two hundred applications that fell overdue, not two hundred.
 */
final class EscalationMessages {

    /** Applications listed by name in one message; the rest are counted (they are all in the authority's queue). */
    static final int LISTED = 100;

    private static final DateTimeFormatter KYIV_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(WorkingCalendar.KYIV);

    private final StaffAddresses addresses;

    EscalationMessages(StaffAddresses addresses) {
        this.addresses = addresses;
    }

    /**
     * What this rule sends about these applications of one authority in one region; empty when nobody of the roles
     * it names has an address there.
     */
    List<OutboxMessage> messages(EscalationRule rule, Integer authorityId, String regionId,
                                 List<EscalationCandidate> apps) {
        List<OutboxMessage> messages = new ArrayList<>();
        if (rule.actions().contains(Action.REMIND_AUTHORITY)) {
            add(messages, "Нагадування", rule, addresses.of(authorityId, regionId,
                    StaffAddresses.OFFICIALS), apps);
        }
        if (rule.actions().contains(Action.NOTIFY_SUPERVISOR)) {
            add(messages, "Ескалація", rule, addresses.of(authorityId, regionId,
                    StaffAddresses.SUPERVISORS), apps);
        }
        return messages;
    }

    /** Whether a role named by the rule's actions has no address at the application's authority. */
    boolean unreachable(EscalationRule rule, EscalationCandidate app, Action action) {
        String role = action == Action.REMIND_AUTHORITY ? StaffAddresses.OFFICIALS : StaffAddresses.SUPERVISORS;
        return rule.actions().contains(action) && addresses.of(app.authorityId(), app.regionId(), role).isEmpty();
    }

    private static void add(List<OutboxMessage> messages, String kind, EscalationRule rule,
                            List<StaffAddresses.Address> to, List<EscalationCandidate> apps) {
        if (to.isEmpty() || apps.isEmpty()) {
            return;
        }
        String subject;
        String body;
        String about;
        if (apps.size() == 1) {
            EscalationCandidate app = apps.get(0);
            subject = kind + ": звернення " + app.trackingNumber() + " " + why(rule, app)
                    + (app.regionId() == null ? "" : " (регіон " + app.regionId() + ")");
            body = kind + ". Звернення " + app.trackingNumber() + " (послуга " + app.serviceCode() + ") "
                    + why(rule, app) + ".\n"
                    + (app.regionId() == null ? "" : "Регіон: " + app.regionId() + ".\n")
                    + "Статус: " + app.status() + ".\n"
                    + (app.dueAt() == null ? "" : "Строк: до " + KYIV_TIME.format(app.dueAt()) + " (Київ).\n")
                    + "Подане: " + KYIV_TIME.format(app.submittedAt()) + ".";
            about = app.trackingNumber();
        } else {
            String count = apps.size() + " " + applications(apps.size()) + " " + whyMany(rule)
                    + (apps.get(0).regionId() == null ? "" : " (регіон " + apps.get(0).regionId() + ")");
            subject = kind + ": " + count;
            StringBuilder text = new StringBuilder(kind).append(". ").append(count).append(" (час — київський):\n");
            apps.stream().limit(LISTED).forEach(app -> text.append(line(app)).append('\n'));
            if (apps.size() > LISTED) {
                int rest = apps.size() - LISTED;
                text.append("… і ще ").append(rest).append(' ').append(applications(rest))
                        .append(": усі вони в черзі органу.\n");
            }
            body = text.toString().strip();
            about = null; // about many applications: none of them alone
        }
        for (StaffAddresses.Address a : to) {
            // an SMS sends its body alone: the summary, not a list of a hundred applications in 130 segments
            messages.add(new OutboxMessage(a.channel(), a.recipient(), subject,
                    CitizenNotifications.SMS.equals(a.channel()) ? subject : body, about));
        }
    }

    private static String line(EscalationCandidate app) {
        return app.trackingNumber() + " (" + app.serviceCode() + "), статус " + app.status()
                + (app.dueAt() == null ? "" : ", строк до " + KYIV_TIME.format(app.dueAt()))
                + ", подане " + KYIV_TIME.format(app.submittedAt());
    }

    /** "звернення" after 1, 2–4, 21, 22…; "звернень" after 5–20, 25…, 111… */
    static String applications(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        return (lastTwo >= 11 && lastTwo <= 14) || last == 0 || last >= 5 ? "звернень" : "звернення";
    }

    private static String why(EscalationRule rule, EscalationCandidate app) {
        return switch (rule.trigger()) {
            case UNCLAIMED -> "не взяте в роботу";
            case BEFORE_DUE -> "має бути опрацьоване до " + formatted(app.dueAt());
            case OVERDUE -> "прострочене";
        };
    }

    private static String whyMany(EscalationRule rule) {
        return switch (rule.trigger()) {
            case UNCLAIMED -> "не взяті в роботу";
            case BEFORE_DUE -> "мають бути опрацьовані незабаром";
            case OVERDUE -> "прострочені";
        };
    }

    private static String formatted(Instant at) {
        return at == null ? "" : KYIV_TIME.format(at);
    }
}
