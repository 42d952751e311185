package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in an application's history: who moved it to which status, when and why.
 *
 * @param actor who acted, e.g. {@code citizen} or an official's login
 */
public record StatusChange(String status, Instant at, String actor, String note) {

    public StatusChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
    }
}
