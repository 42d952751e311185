package ua.igov.platform.core;

import java.util.List;

/**
 * Citizens' applications: submitting them, following them, and the workflow steps citizens and staff take. Every
 * method checks who is asking: an application someone may not see answers as if it did not exist.
 */
public interface ApplicationService {

    /** Why a caller who is not staff has no queue (the 403's detail). */
    String QUEUE_IS_FOR_STAFF = "Only officials, supervisors and operators have a queue.";


    /**
     * Validates and stores an application of a signed-in citizen. The body is the JSON envelope
     * {@code {"region": "...", "placeId": 1, "form": {...}}}; once this returns, the application is committed.
     *
     * @throws ProblemException naming every field to fix, or why the service cannot take applications now
     */
    ApplicationReceipt submit(Caller caller, String serviceCode, byte[] body);

    /** @throws ProblemException 404 if there is no such application or the caller may not see it */
    ApplicationView application(Caller caller, String trackingNumber);

    /**
     * Where an application stands (status, deadline, whether overdue), without personal data: what a citizen checks
     * again and again, so it reads one row and, for staff, is not a read of personal data.
     *
     * @throws ProblemException 404 if there is no such application or the caller may not see it
     */
    ApplicationSummary summary(Caller caller, String trackingNumber);

    /** A citizen's own applications, newest first: the first page. */
    default List<ApplicationSummary> mine(Caller caller, int limit) {
        return mine(caller, null, limit).applications();
    }

    /**
     * A page of a citizen's own applications, newest first.
     *
     * @param after the {@link ApplicationPage#next()} of the previous page, or {@code null} for the first
     * @throws ProblemException 400 ({@code invalid-query}, field {@code after}) for an {@code after} no list gave
     */
    ApplicationPage mine(Caller caller, String after, int limit);

    /** The applications of the caller's authorities in the given statuses, the most urgent first. */
    default List<ApplicationSummary> queue(Caller caller, List<String> statuses, int limit) {
        return queue(caller, statuses, false, limit);
    }

    /** The queue, or only its applications an escalation rule marked escalated in their current status. */
    default List<ApplicationSummary> queue(Caller caller, List<String> statuses, boolean escalatedOnly, int limit) {
        return queue(caller, statuses, escalatedOnly ? Boolean.TRUE : null, null, limit).applications();
    }

    /**
     * A page of the queue: the most urgent deadline first, applications without a deadline last.
     *
     * @param escalated {@code true}: only applications an escalation rule marked escalated in their current
     *                  status; {@code false}: only those not marked; {@code null}: both
     * @param after     the {@link ApplicationPage#next()} of the previous page, or {@code null} for the first
     * @throws ProblemException 403 for a caller who is not staff, 400 ({@code invalid-query}) for a status that is
     *         not one or an {@code after} no list gave
     */
    ApplicationPage queue(Caller caller, List<String> statuses, Boolean escalated, String after, int limit);

    /**
     * Takes a workflow step ({@code claim}, {@code request-information}, {@code answer}, {@code approve},
     * {@code reject}, {@code issue}, {@code cancel}, {@code reassign}). The body carries what the step needs: a
     * {@code reason}, {@code questions}, the answered {@code form}, the {@code official} to reassign to.
     *
     * @throws ProblemException 404 if the caller may not see the application, 403 if the caller's role may not take
     *         the step, 409 if the application's status does not allow it (or it changed meanwhile), 422 for a bad body
     */
    ApplicationView act(Caller caller, String trackingNumber, String action, byte[] body);

    /** Attaches a file (PDF, JPEG or PNG, at most 5 MiB) to one of the caller's applications. */
    default ApplicationView.AttachmentView attach(Caller caller, String trackingNumber, String fileName,
                                                  String mediaType, byte[] content) {
        return attach(caller, trackingNumber, fileName, mediaType, () -> content);
    }

    /**
     * As {@link #attach(Caller, String, String, String, byte[])}, with the file read from {@code content} only once
     * the caller, the application, the file's name and type and the number of files allow it: a file nobody may
     * attach is never read into memory.
     *
     * @since 0.11
     */
    ApplicationView.AttachmentView attach(Caller caller, String trackingNumber, String fileName, String mediaType,
                                          java.util.function.Supplier<byte[]> content);

    /**
     * A file attached to the application, for its citizen and the staff who may see the application (each staff
     * download is audited as a read of personal data).
     *
     * @throws ProblemException 404 if the caller may not see the application or it has no such attachment, 400 if
     *         the attachment id is not a number, 500 if the stored file no longer matches its SHA-256 (not served)
     */
    AttachmentDownload attachment(Caller caller, String trackingNumber, String attachmentId);

    /**
     * Who did and read what with the application, from its audit trail, oldest first: for its citizen (their right
     * to know who saw their data), the supervisors of its authority and operators. Reading it is not itself audited.
     *
     * @throws ProblemException 404 if the caller may not see the application, 403 for an official who is not a
     *         supervisor (officials see its history)
     */
    AuditTrail auditTrail(Caller caller, String trackingNumber);

    /** Walks the audit chain; operators only. */
    AuditReport verifyAudit(Caller caller);

    /**
     * An application's status and history for the console: no form, but the history's actors and notes (a citizen's
     * reasons, an official's questions) are personal data, so the read is on the record as any staff read is.
     *
     * @throws ProblemException 403 for anyone but an operator, 404 if there is no such application
     */
    ApplicationStatus status(Caller operator, String trackingNumber);

    /**
     * The public address every notification links a citizen to, with {@code {trackingNumber}} in it, as this node is
     * configured ({@code statusLink} of {@code ua.igov.platform.core}): for the doctor to tell an operator when
     * citizens are sent links they cannot open.
     */
    String statusLink();
}
