package ua.igov.platform.store;

import java.time.Instant;

/**
 * How the outbox stands: what the doctor reports.
 *
 * @param pending       messages not yet delivered (waiting, retrying or being sent)
 * @param oldestPending when the oldest of them was written, or {@code null} when none is pending
 * @param dead          messages given up after their last attempt
 */
public record OutboxSummary(long pending, Instant oldestPending, long dead) {
}
