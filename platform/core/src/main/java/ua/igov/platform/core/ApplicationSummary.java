package ua.igov.platform.core;

import java.time.Instant;

/** An application in a list (a citizen's own, an official's queue): no personal data. */
public record ApplicationSummary(String trackingNumber, String serviceCode, String regionId, Integer authorityId,
                                 String status, Instant submittedAt, Instant dueAt, boolean overdue, String assignedTo) {
}
