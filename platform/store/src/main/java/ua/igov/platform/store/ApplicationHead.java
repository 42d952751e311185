package ua.igov.platform.store;

import java.time.Instant;

/**
 * Where an application stands, without the citizen's form, files or history: what a status read and the lists need,
 * read without touching the large columns.
 *
 * @param owner       the citizen it belongs to (for the authorization check, never shown to others)
 * @param escalatedAt when an escalation rule marked it escalated in its current status, or {@code null}
 * @param assignedToName the display name of the assigned official's account, if it has one (read in the same query,
 *                       so a status read stays one lookup)
 */
public record ApplicationHead(String trackingNumber, String serviceCode, String regionId, Integer authorityId,
                              String owner, String status, Instant submittedAt, Instant updatedAt, Instant dueAt,
                              String assignedTo, Instant escalatedAt, String assignedToName) {
}
