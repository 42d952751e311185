package ua.igov.platform.core.internal;

import java.util.ArrayList;
import java.util.List;

import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.EscalationRule.Action;

/** The sentence an escalation leaves in the application's history, readable by its citizen and its officials. */
final class EscalationNotes {

    private EscalationNotes() {
    }

    /**
     * @param officialsUnreachable   the rule reminds the officials, but none has an address
     * @param supervisorsUnreachable the rule notifies the supervisors, but none has an address
     */
    static String note(EscalationRule rule, boolean officialsUnreachable, boolean supervisorsUnreachable) {
        String why = switch (rule.trigger()) {
            case UNCLAIMED -> "Not taken up by an official for " + days(rule.workingDays()) + " after submission";
            case BEFORE_DUE -> rule.workingDays() == 0 ? "Due today" : days(rule.workingDays()) + " or less before the due date";
            case OVERDUE -> rule.workingDays() == 0 ? "Past the due date" : "Over " + days(rule.workingDays()) + " past the due date";
        };
        List<String> done = new ArrayList<>();
        if (rule.actions().contains(Action.REMIND_AUTHORITY)) {
            done.add(officialsUnreachable ? "the authority's officials could not be reminded (no address is configured)"
                    : "the authority's officials were reminded");
        }
        if (rule.actions().contains(Action.NOTIFY_SUPERVISOR)) {
            done.add(supervisorsUnreachable ? "the supervisor could not be notified (no address is configured)"
                    : "the supervisor was notified");
        }
        if (rule.actions().contains(Action.MARK_ESCALATED)) {
            done.add("the application is marked escalated");
        }
        return why + ": " + String.join(", ", done) + ".";
    }

    private static String days(int n) {
        return n == 1 ? "1 working day" : n + " working days";
    }
}
