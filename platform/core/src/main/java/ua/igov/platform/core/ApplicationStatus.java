package ua.igov.platform.core;

import java.time.Instant;
import java.util.List;

import ua.igov.platform.spi.LocalizedText;

/**
 * Where an application stands and how it got there. Holds no personal data, so it can be shown to whoever has the
 * tracking number.
 */
public record ApplicationStatus(String trackingNumber, String serviceCode, LocalizedText serviceName, String regionId,
                                Integer placeId, String status, Instant submittedAt, Instant updatedAt,
                                String formVersion, List<Step> history) {

    public ApplicationStatus {
        history = List.copyOf(history);
    }

    /** One step of the history. */
    public record Step(String status, Instant at, String actor, String note) {
    }
}
