package ua.igov.platform.store;

import java.time.Instant;

/**
 * How the outbox stands: what the doctor reports.
 *
 * @param pending       messages not yet delivered (waiting, retrying or being sent)
 * @param oldestPending when the oldest of them was written, or {@code null} when none is pending
 * @param dead          messages given up after their last attempt
 * @param inDoubt       messages in doubt (pending or dead): their node died holding them, the channel is yet to be asked
 * @param confirmed     messages in doubt the channel said it had accepted, so they were not sent again
 * @param resent        messages in doubt sent again because the channel could not tell: perhaps received twice
 */
public record OutboxSummary(long pending, Instant oldestPending, long dead, long inDoubt, long confirmed, long resent) {
}
