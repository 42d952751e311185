package ua.igov.platform.core;

import java.time.Instant;

/**
 * An application in a list (a citizen's own, an official's queue): no personal data.
 *
 * @param assignedTo     the login of the official working it; staff only (citizens never see a login)
 * @param assignedToName the name citizens know that official by, when an operator gave the account one
 * @param escalatedAt when an escalation rule marked it escalated in its current status, or {@code null}
 */
public record ApplicationSummary(String trackingNumber, String serviceCode, String regionId, Integer authorityId,
                                 String status, Instant submittedAt, Instant dueAt, boolean overdue, String assignedTo,
                                 String assignedToName, Instant escalatedAt) {

    /** An application not marked escalated. */
    public ApplicationSummary(String trackingNumber, String serviceCode, String regionId, Integer authorityId,
                              String status, Instant submittedAt, Instant dueAt, boolean overdue, String assignedTo) {
        this(trackingNumber, serviceCode, regionId, authorityId, status, submittedAt, dueAt, overdue, assignedTo, null, null);
    }

    /** Whether it is marked escalated: what officials filter their queue by. */
    public boolean isEscalated() {
        return escalatedAt != null;
    }
}
