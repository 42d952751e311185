package ua.igov.platform.store;

import java.util.Set;

/**
 * Which applications of some authorities' queue to read, most urgent deadline first.
 *
 * @param escalated {@code true}: only those an escalation rule marked escalated in their current status;
 *                  {@code false}: only those not marked; {@code null}: both
 * @param after     the position the previous page ended at, or {@code null} for the first page
 * @param limit     at most this many rows
 */
public record QueueQuery(Set<Integer> authorityIds, Set<String> statuses, Boolean escalated, ListPosition after,
                         int limit) {

    public QueueQuery {
        authorityIds = Set.copyOf(authorityIds);
        statuses = Set.copyOf(statuses);
    }
}
