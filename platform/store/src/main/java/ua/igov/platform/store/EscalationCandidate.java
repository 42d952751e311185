package ua.igov.platform.store;

import java.time.Instant;

/**
 * An application that may be near or over a deadline, with what escalation rules look at.
 *
 * @param step how many times its status has changed: an escalation fires once per application, rule and step
 * @param formVersion the form version it was made on, whose recorded workflow gives its terms
 */
public record EscalationCandidate(long id, String trackingNumber, String serviceCode, String formVersion,
                                  String regionId, Integer authorityId, String status, int step, Instant submittedAt,
                                  Instant dueAt) {
}
