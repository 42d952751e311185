package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A workflow step to apply to a stored application, only if nobody changed it since it was read.
 *
 * @param expectedVersion the row version read; the change fails if it moved on
 * @param status          the new status
 * @param dueAt           the new deadline, or {@code null} for none
 * @param assignedTo      the official now working it ({@code null} keeps none)
 * @param formJson        a replacement form (a citizen's answer), or {@code null} to keep the form
 * @param issuedDocument  the issued document's data as JSON, or {@code null}
 * @param feeKopiykas     the fee recomputed for a replaced form, or {@code null} to keep the fee
 * @param event           the history entry
 * @param audit           the audit entry, written in the same transaction
 * @param pausedDueAt     the deadline of the status left, stopped while the application waits for its citizen
 *                        (see {@link StoredApplication#pausedDueAt()}), or {@code null} for none
 */
public record StateChange(int expectedVersion, String status, Instant dueAt, String assignedTo, String formJson,
                          String issuedDocument, Long feeKopiykas, StatusChange event, AuditEntry audit,
                          Instant pausedDueAt) {

    /** A step that pauses no deadline. */
    public StateChange(int expectedVersion, String status, Instant dueAt, String assignedTo, String formJson,
                       String issuedDocument, Long feeKopiykas, StatusChange event, AuditEntry audit) {
        this(expectedVersion, status, dueAt, assignedTo, formJson, issuedDocument, feeKopiykas, event, audit, null);
    }

    /** A step that keeps the fee and pauses no deadline. */
    public StateChange(int expectedVersion, String status, Instant dueAt, String assignedTo, String formJson,
                       String issuedDocument, StatusChange event, AuditEntry audit) {
        this(expectedVersion, status, dueAt, assignedTo, formJson, issuedDocument, null, event, audit, null);
    }

    public StateChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(audit, "audit");
    }
}
