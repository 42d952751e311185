package ua.igov.platform.store;

import java.time.Instant;

/**
 * How reviews are published, the same for every node sharing the database.
 *
 * @param premoderation whether a comment or reply is published only once an operator has approved it
 * @param changedAt     when an operator last changed it, or {@code null} if never (as installed)
 * @param changedBy     who did
 */
public record ReviewSettings(boolean premoderation, Instant changedAt, String changedBy) {
}
