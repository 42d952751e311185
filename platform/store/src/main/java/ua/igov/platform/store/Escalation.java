package ua.igov.platform.store;

import java.util.List;
import java.util.Objects;

/**
 * An escalation rule firing on an application, with everything written for it in one transaction.
 *
 * @param ruleKey the rule, qualified by who declared it (e.g. {@code service:overdue}); with the application and
 *                its step it is the key that lets the escalation fire only once across every node
 * @param trigger the rule's trigger, e.g. {@code overdue}
 * @param actions the rule's actions as the history shows them, e.g. {@code notify-supervisor,mark-escalated}
 * @param mark    whether the application is marked escalated
 * @param event   the typed history entry ({@code action} {@code escalate})
 * @param audit   the audit entry
 * @param messages the reminders and notifications to staff, written into the outbox in the same transaction
 */
public record Escalation(EscalationCandidate application, String ruleKey, String trigger, String actions, boolean mark,
                         StatusChange event, AuditEntry audit, List<OutboxMessage> messages) {

    /** An escalation that sends nothing. */
    public Escalation(EscalationCandidate application, String ruleKey, String trigger, String actions, boolean mark,
                      StatusChange event, AuditEntry audit) {
        this(application, ruleKey, trigger, actions, mark, event, audit, List.of());
    }

    public Escalation {
        messages = messages == null ? List.of() : List.copyOf(messages);
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(ruleKey, "ruleKey");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(audit, "audit");
    }
}
