package ua.igov.platform.store;

import java.time.Instant;

/**
 * A message in the outbox with its delivery state.
 *
 * @param status        {@link OutboxStore#PENDING}, {@link OutboxStore#SENT} or {@link OutboxStore#DEAD}
 * @param attempts      failed attempts so far
 * @param nextAttemptAt when it may be tried (again)
 * @param lastError     why the last attempt failed, or a note on how a doubt was settled, or {@code null}
 * @param doubt         {@code null} unless the message was ever in doubt: {@link OutboxStore#IN_DOUBT} while it is,
 *                      then how it was settled ({@link OutboxStore#CONFIRMED}, {@link OutboxStore#NOT_DELIVERED},
 *                      {@link OutboxStore#RESENT})
 */
public record OutboxEntry(long id, OutboxMessage message, String status, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant sentAt, String lastError, String doubt) {

    /** A node took it for delivery and lost its lease without a result: it may have been handed over already. */
    public boolean inDoubt() {
        return OutboxStore.IN_DOUBT.equals(doubt);
    }
}
