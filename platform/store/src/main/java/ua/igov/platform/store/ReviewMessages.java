package ua.igov.platform.store;

import java.util.List;

/**
 * The messages to send about a change of a review (to its author, say), written to the outbox in the change's own
 * transaction: sent if and only if the change is stored.
 */
@FunctionalInterface
public interface ReviewMessages {

    /** None: the change tells nobody. */
    ReviewMessages NONE = (before, after) -> List.of();

    /**
     * @param before the review as it was just before the change, or {@code null} if it was written meanwhile by
     *               another transaction (the change is then the first one after it)
     * @param after  the review as the change left it
     */
    List<OutboxMessage> about(Review before, Review after);
}
