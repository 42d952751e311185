package ua.igov.platform.store;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * The durable record of citizens' applications. Every method either completes in one committed transaction or
 * throws {@link StoreException} having written nothing, so several nodes can share one database.
 */
public interface ApplicationStore {

    /**
     * Stores a new application with its first history entry and its audit entry, in one transaction that also draws
     * its number from the database's application-number sequence (unique across every node).
     *
     * @param trackingNumbers turns the drawn number into the tracking number stored with the application
     * @param audit           what the audit trail says of it; the subject is filled in with the tracking number
     */
    StoredApplication insert(NewApplication application, LongFunction<String> trackingNumbers, AuditEntry audit);

    Optional<StoredApplication> findByTrackingNumber(String trackingNumber);

    /** A citizen's applications, newest first (without history). */
    List<StoredApplication> findByOwner(String owner, int limit);

    /**
     * The work of some authorities: applications in the given statuses, the most urgent deadline first
     * (without history).
     */
    List<StoredApplication> queue(Set<Integer> authorityIds, Set<String> statuses, int limit);

    /**
     * Applies a workflow step, with its history entry and audit entry, in one transaction.
     *
     * @throws ConcurrentChangeException if the application changed since {@code expectedVersion}
     */
    StoredApplication change(String trackingNumber, StateChange change);

    /** Appends to the audit trail on its own (an official reading personal data). */
    void audit(AuditEntry entry);

    /** Walks the audit chain from the start and reports the first link that does not hold. */
    AuditVerification verifyAudit();

    /** The JSON Schema of a form version applications were made on. */
    Optional<String> formSchema(String serviceCode, String formVersion);

    /** Stores a file for an application, audited, in one transaction. */
    Attachment attach(String trackingNumber, String fileName, String mediaType, byte[] content, String sha256,
                      AuditEntry audit);

    List<Attachment> attachments(String trackingNumber);

    /** Records that a service type exists and which form version it serves now, keeping every version's schema. */
    void rememberServiceType(ServiceTypeRecord serviceType);

    Optional<ServiceTypeRecord> findServiceType(String code);

    long countApplications();
}
