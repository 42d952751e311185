package ua.igov.platform.core;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ua.igov.platform.spi.LocalizedText;

/**
 * An application as its citizen, or the staff working it, see it. {@code form} and {@code issuedDocument} are
 * personal data: present only for those allowed to see them.
 *
 * @param assignedTo the login of the official working it; shown to staff only (a login is half of a credential)
 * @param assignedToName the name citizens know that official by, when an operator gave the account one
 * @param actions    what the caller may do next, e.g. {@code claim}, {@code cancel}
 * @param questions  the fields an official asked the citizen to fix, while the application needs information
 * @param escalatedAt when an escalation rule marked it escalated in its current status, or {@code null}
 */
public record ApplicationView(String trackingNumber, String serviceCode, LocalizedText serviceName, String regionId,
                              Integer placeId, Integer authorityId, String status, Instant submittedAt, Instant updatedAt,
                              Instant dueAt, String assignedTo, String assignedToName, long feeKopiykas, String formVersion,
                              Map<String, Object> form, Map<String, Object> issuedDocument, List<Question> questions,
                              List<String> actions, List<Step> history, List<AttachmentView> attachments,
                              Instant escalatedAt) {

    public ApplicationView {
        questions = questions == null ? List.of() : List.copyOf(questions);
        actions = List.copyOf(actions);
        history = List.copyOf(history);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Whether an escalation rule marked it escalated in its current status. */
    public boolean isEscalated() {
        return escalatedAt != null;
    }

    /**
     * One step of the history: who, when, why; {@code action} {@code escalate} is an escalation, not a status change.
     *
     * @param actor     {@code citizen}, {@code staff} or {@code platform} to a citizen; staff also see whose step it
     *                  was ({@code citizen:<provider>:<subject>}, {@code staff:<login>})
     * @param actorName for a step by staff, the name citizens know that person by, if the account has one
     * @param changedFields for a citizen's answer, the fields of the form it changed (JSON Pointers), for the official
     *                  to look at again; {@code null} for other steps and for answers given before they were recorded
     */
    public record Step(String status, String action, Instant at, String actor, String actorName, String note,
                       List<String> changedFields) {

        public Step {
            changedFields = changedFields == null ? null : List.copyOf(changedFields);
        }

        public Step(String status, String action, Instant at, String actor, String actorName, String note) {
            this(status, action, at, actor, actorName, note, null);
        }
    }

    /** A field to fix and what the official asks about it. */
    public record Question(String field, String question) {
    }

    /** A file attached to the application. */
    public record AttachmentView(long id, String fileName, String mediaType, long sizeBytes, String sha256,
                                 Instant uploadedAt) {
    }
}
