package ua.igov.platform.store;

import java.time.Instant;

/**
 * The reviews with text no operator has looked at yet, of every service.
 *
 * @param unchecked   how many
 * @param oldestRated when the oldest of them was rated, or {@code null} if there are none
 */
public record ReviewBacklog(long unchecked, Instant oldestRated) {
}
