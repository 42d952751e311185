package ua.igov.platform.core;

import java.time.Instant;
import java.util.List;

import ua.igov.platform.spi.LocalizedText;

/**
 * Where an application stands and how it got there. Holds no personal data, so it can be shown to whoever has the
 * tracking number.
 *
 * @param dueAt       the end of the current status's deadline, {@code null} when it has none
 * @param overdue     past {@code dueAt} while waiting for its authority (submitted, in review, approved); never while
 *                    waiting for the citizen's answer, whose deadline it is then
 * @param escalatedAt when an escalation rule marked it escalated in its current status, or {@code null}
 */
public record ApplicationStatus(String trackingNumber, String serviceCode, LocalizedText serviceName, String regionId,
                                Integer placeId, String status, Instant submittedAt, Instant updatedAt,
                                String formVersion, Integer authorityId, String assignedTo, Instant dueAt,
                                boolean overdue, Instant escalatedAt, List<Step> history) {

    public ApplicationStatus {
        history = List.copyOf(history);
    }

    /** One step of the history. */
    public record Step(String status, Instant at, String actor, String note) {
    }
}
