package ua.igov.platform.store;

import java.time.Instant;

/**
 * A message in the outbox with its delivery state.
 *
 * @param status        {@link OutboxStore#PENDING}, {@link OutboxStore#SENT} or {@link OutboxStore#DEAD}
 * @param attempts      failed attempts so far
 * @param nextAttemptAt when it may be tried (again)
 * @param lastError     why the last attempt failed, or {@code null}
 */
public record OutboxEntry(long id, OutboxMessage message, String status, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant sentAt, String lastError) {
}
