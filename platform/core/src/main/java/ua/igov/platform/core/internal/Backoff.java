package ua.igov.platform.core.internal;

import java.time.Duration;

/**
 * When to try a failed delivery again: the first retry after {@code first}, each next one twice as late, never later
 * than {@code max}; after {@code maxAttempts} failures, never (the message goes to the dead letters).
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max and at least one attempt");
        }
    }

    /**
     * @param failures failed attempts so far, this one included
     * @return how long to wait before the next attempt, or {@code null} when there is none
     */
    public Duration after(int failures) {
        if (failures >= maxAttempts) {
            return null;
        }
        int doublings = Math.min(failures - 1, 30); // 2^30 times any sensible first delay is beyond any max
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
