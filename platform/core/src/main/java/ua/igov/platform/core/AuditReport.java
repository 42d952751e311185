package ua.igov.platform.core;

/**
 * The audit trail, walked: intact, or where it first breaks.
 *
 * @param chain            the chain of the first broken entry (the trail is several chains), or {@code null}
 * @param firstBrokenEntry that entry's number within its chain, or {@code null}
 */
public record AuditReport(boolean intact, long entries, Integer chain, Long firstBrokenEntry, String reason) {
}
