package ua.igov.platform.store;

import java.time.Instant;
import java.util.List;

/**
 * An application as stored, with its full history in order.
 *
 * @param escalatedAt when an escalation rule marked it escalated in its current status, or {@code null}
 * @param pausedDueAt the deadline its authority had when it asked the citizen for information, stopped until the
 *                    citizen answers; {@code null} when no deadline is paused
 */
public record StoredApplication(long id, String trackingNumber, String serviceCode, String regionId, Integer placeId,
                                String formVersion, String pluginVersion, String formJson, String status,
                                Instant submittedAt, Instant updatedAt, List<StatusChange> history, String owner,
                                Integer authorityId, String assignedTo, Instant dueAt, long feeKopiykas,
                                String issuedDocument, int version, int attachmentCount, Instant escalatedAt,
                                Instant pausedDueAt) {

    /** An application with no deadline paused. */
    public StoredApplication(long id, String trackingNumber, String serviceCode, String regionId, Integer placeId,
                             String formVersion, String pluginVersion, String formJson, String status,
                             Instant submittedAt, Instant updatedAt, List<StatusChange> history, String owner,
                             Integer authorityId, String assignedTo, Instant dueAt, long feeKopiykas,
                             String issuedDocument, int version, int attachmentCount, Instant escalatedAt) {
        this(id, trackingNumber, serviceCode, regionId, placeId, formVersion, pluginVersion, formJson, status,
                submittedAt, updatedAt, history, owner, authorityId, assignedTo, dueAt, feeKopiykas, issuedDocument,
                version, attachmentCount, escalatedAt, null);
    }

    /** An application never marked escalated. */
    public StoredApplication(long id, String trackingNumber, String serviceCode, String regionId, Integer placeId,
                             String formVersion, String pluginVersion, String formJson, String status,
                             Instant submittedAt, Instant updatedAt, List<StatusChange> history, String owner,
                             Integer authorityId, String assignedTo, Instant dueAt, long feeKopiykas,
                             String issuedDocument, int version, int attachmentCount) {
        this(id, trackingNumber, serviceCode, regionId, placeId, formVersion, pluginVersion, formJson, status,
                submittedAt, updatedAt, history, owner, authorityId, assignedTo, dueAt, feeKopiykas, issuedDocument,
                version, attachmentCount, null);
    }

    public StoredApplication {
        history = List.copyOf(history);
    }
}
