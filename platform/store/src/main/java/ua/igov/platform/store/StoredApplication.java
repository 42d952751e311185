package ua.igov.platform.store;

import java.time.Instant;
import java.util.List;

/** An application as stored, with its full history in order. */
public record StoredApplication(long id, String trackingNumber, String serviceCode, String regionId, Integer placeId,
                                String formVersion, String pluginVersion, String formJson, String status,
                                Instant submittedAt, Instant updatedAt, List<StatusChange> history, String owner,
                                Integer authorityId, String assignedTo, Instant dueAt, long feeKopiykas,
                                String issuedDocument, int version, int attachmentCount) {

    public StoredApplication {
        history = List.copyOf(history);
    }
}
