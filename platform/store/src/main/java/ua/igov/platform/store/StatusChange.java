package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in an application's history: who moved it to which status, when and why.
 *
 * @param actor   who acted, e.g. {@code citizen} or an official's login
 * @param action  the workflow action, e.g. {@code submit}, {@code claim}
 * @param details structured details as JSON (the questions of a clarification request), or {@code null}
 */
public record StatusChange(String status, Instant at, String actor, String action, String note, String details) {

    public StatusChange(String status, Instant at, String actor, String note) {
        this(status, at, actor, null, note, null);
    }

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }
}
