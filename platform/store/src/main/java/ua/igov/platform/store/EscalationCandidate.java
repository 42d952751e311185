package ua.igov.platform.store;

import java.time.Instant;

/**
 * An application that may be near or over a deadline, with what escalation rules look at.
 *
 * @param step how many times its status has changed: an escalation fires once per application, rule and step
 */
public record EscalationCandidate(long id, String trackingNumber, String serviceCode, String regionId,
                                  Integer authorityId, String status, int step, Instant submittedAt, Instant dueAt) {
}
