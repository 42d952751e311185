package ua.igov.platform.core;

import java.time.Instant;

/**
 * How reviews are published, the same on every node.
 *
 * @param premoderation whether a comment or reply is published only once an operator has checked it (the rating
 *                      counts at once either way)
 * @param changedAt     when an operator last changed it, or {@code null} if never
 * @param changedBy     the operator who did, or {@code null}
 */
public record ReviewPolicy(boolean premoderation, Instant changedAt, String changedBy) {
}
