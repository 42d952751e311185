package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who did what to which application, and when.
 *
 * @param subject the tracking number concerned, or {@code null}
 */
public record AuditEntry(Instant at, String actor, String action, String subject, String detail) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        // The chain hashes milliseconds: every database keeps at least those.
        at = Instant.ofEpochMilli(at.toEpochMilli());
        if (detail != null && detail.length() > 2000) {
            detail = detail.substring(0, 1999) + "…";
        }
    }
}
