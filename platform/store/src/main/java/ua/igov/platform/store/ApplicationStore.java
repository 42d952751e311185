package ua.igov.platform.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * The durable record of citizens' applications. Every method either completes in one committed transaction or
 * throws {@link StoreException} having written nothing, so several nodes can share one database; the one exception
 * is {@link CommitOutcomeUnknownException}: the connection broke as the database committed, and what was asked may
 * be written.
 */
public interface ApplicationStore {

    /**
     * Stores a new application with its first history entry and its audit entry, in one transaction that also draws
     * its number from the database's application-number sequence (unique across every node).
     *
     * @param trackingNumbers turns the drawn number into the tracking number stored with the application
     * @param audit           what the audit trail says of it; the subject is filled in with the tracking number
     */
    default StoredApplication insert(NewApplication application, LongFunction<String> trackingNumbers, AuditEntry audit) {
        return insert(application, trackingNumbers, audit, null, trackingNumber -> List.of());
    }

    /**
     * Stores a new application as {@link #insert(NewApplication, LongFunction, AuditEntry)} does, and in the same
     * transaction the citizen's contact and the messages to send about it (into the outbox): either all of it is
     * written, or nothing.
     *
     * @param contact       how to reach the citizen, or {@code null}
     * @param notifications the messages for the tracking number the application gets
     */
    StoredApplication insert(NewApplication application, LongFunction<String> trackingNumbers, AuditEntry audit,
                             CitizenContact contact, Function<String, List<OutboxMessage>> notifications);

    /** How to reach the citizen about an application, if they said. */
    Optional<CitizenContact> contact(String trackingNumber);

    Optional<StoredApplication> findByTrackingNumber(String trackingNumber);

    /** Where an application stands, read without its form data and history: one indexed row. */
    Optional<ApplicationHead> findHead(String trackingNumber);

    /** A citizen's applications, newest first (without history). */
    default List<StoredApplication> findByOwner(String owner, int limit) {
        return findByOwner(owner, null, limit);
    }

    /**
     * A page of a citizen's applications, newest first (without history).
     *
     * @param after where the previous page ended ({@link ListPosition#at()} its submission time), or {@code null}
     */
    List<StoredApplication> findByOwner(String owner, ListPosition after, int limit);

    /**
     * The work of some authorities: applications in the given statuses, the most urgent deadline first
     * (without history).
     */
    default List<StoredApplication> queue(Set<Integer> authorityIds, Set<String> statuses, int limit) {
        return queue(new QueueQuery(authorityIds, statuses, null, null, limit));
    }

    /** The queue, or only its applications marked escalated ({@link StoredApplication#escalatedAt()} set). */
    default List<StoredApplication> queue(Set<Integer> authorityIds, Set<String> statuses, boolean escalatedOnly,
                                          int limit) {
        return queue(new QueueQuery(authorityIds, statuses, escalatedOnly ? Boolean.TRUE : null, null, limit));
    }

    /**
     * A page of the queue: the most urgent deadline first, applications without a deadline last, ties by row id
     * ({@link ListPosition#at()} is the deadline).
     */
    List<StoredApplication> queue(QueueQuery query);

    /**
     * Applies a workflow step, with its history entry and audit entry, in one transaction.
     *
     * @throws ConcurrentChangeException if the application changed since {@code expectedVersion}
     */
    default StoredApplication change(String trackingNumber, StateChange change) {
        return change(trackingNumber, change, List.of());
    }

    /**
     * Applies a workflow step as {@link #change(String, StateChange)} does, writing the messages about it into the
     * outbox in the same transaction: a step refused or rolled back leaves no message.
     */
    StoredApplication change(String trackingNumber, StateChange change, List<OutboxMessage> notifications);

    /** Appends to the audit trail on its own (an official reading personal data). */
    void audit(AuditEntry entry);

    /** Appends several entries in one transaction, all or none (an operator reading a page of citizens' texts). */
    void audit(List<AuditEntry> entries);

    /** The newest {@code limit} audit entries about one application (its tracking number), oldest first. */
    List<AuditEntry> auditTrail(String subject, int limit);

    /** Walks the audit chain from the start and reports the first link that does not hold. */
    AuditVerification verifyAudit();

    /** The JSON Schema of a form version applications were made on. */
    Optional<String> formSchema(String serviceCode, String formVersion);

    /** The workflow (JSON) a form version was published with; empty for versions recorded before workflows were. */
    Optional<String> workflow(String serviceCode, String formVersion);

    /**
     * Every workflow (JSON) recorded with one of the service's form versions, by form version: what applications in
     * flight on any of them follow. Versions recorded before workflows were are left out.
     */
    Map<String, String> workflows(String serviceCode);

    /**
     * Stores a file for an application, audited, in one transaction, provided the application is still as it was
     * read: the same row version (no step taken since, so it was not closed meanwhile) and the same number of files
     * (so two uploads at once cannot pass a limit on their number).
     *
     * @throws ConcurrentChangeException if it changed meanwhile, or is gone
     */
    Attachment attach(String trackingNumber, int readVersion, int readAttachmentCount, String fileName,
                      String mediaType, byte[] content, String sha256, AuditEntry audit);

    List<Attachment> attachments(String trackingNumber);

    /** One of the application's attachments with its content, or empty if the application has none by that id. */
    Optional<AttachmentFile> attachment(String trackingNumber, long attachmentId);

    /**
     * Records that a service type exists and which form version it serves now, keeping every version's schema and
     * workflow. A form version's workflow is written once: a later plugin that brings the same form version with
     * another workflow does not change what applications on it follow.
     */
    void rememberServiceType(ServiceTypeRecord serviceType);

    Optional<ServiceTypeRecord> findServiceType(String code);

    long countApplications();
}
