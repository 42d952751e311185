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
        // The chain's hash joins the fields with line breaks: only the last, the detail, may hold one, or text could
        // be moved from one field to the next without changing the hash.
        actor = oneLine(actor);
        action = oneLine(action);
        subject = subject == null ? null : oneLine(subject);
        if (detail != null && detail.length() > 2000) {
            detail = detail.substring(0, 1999) + "…";
        }
    }

    private static String oneLine(String text) {
        return text.indexOf('\n') < 0 ? text : text.replace('\n', ' ');
    }
}
