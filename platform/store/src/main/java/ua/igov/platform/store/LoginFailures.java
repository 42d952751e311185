package ua.igov.platform.store;

import java.time.Instant;

/**
 * The recent wrong passwords given for one staff account.
 *
 * @param failures      how many since {@code firstFailedAt}
 * @param lockedUntil   until when the account is refused without its password being checked, or {@code null}
 */
public record LoginFailures(String account, int failures, Instant firstFailedAt, Instant lastFailedAt,
                            Instant lockedUntil) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
