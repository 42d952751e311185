package ua.igov.platform.core;

/** The audit chain, walked: intact, or where it first breaks. */
public record AuditReport(boolean intact, long entries, Long firstBrokenEntry, String reason) {
}
