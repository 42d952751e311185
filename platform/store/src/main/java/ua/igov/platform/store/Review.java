package ua.igov.platform.store;

import java.time.Instant;

/**
 * A citizen's rating of a closed application and the authority's reply.
 *
 * @param trackingNumber      the rated application's number (never published)
 * @param comment             the citizen's comment as written, or {@code null}; kept when an operator hides it
 * @param reply               the authority's reply, or {@code null} while there is none
 * @param repliedBy           the login of the member of staff who replied (never published)
 * @param commentHiddenAt     when an operator hid the comment from the public, or {@code null}
 * @param commentHiddenBy     the operator who hid it (never published)
 * @param commentHiddenReason why, as the operator wrote it
 * @param textsCheckedAt      when an operator last looked at the comment and reply as they are now, or {@code null}
 *                            while nobody has (a reply written later makes the review unchecked again)
 * @param textsCheckedBy      that operator (never published)
 * @param appealText          the citizen's appeal against the hiding of their comment, or {@code null}
 * @param appealedAt          when they appealed, or {@code null}
 * @param appealDecidedAt     when an operator decided the appeal (showed the comment again, or checked the review
 *                            and left it hidden), or {@code null} while it waits or there is none
 * @param commentApprovedAt   when an operator first looked at the comment and let it be published (a check, or
 *                            showing it again), or {@code null}; a later reply does not undo it
 * @param replyApprovedAt     the same for the reply
 */
public record Review(String trackingNumber, String serviceCode, String regionId, Integer authorityId, int rating,
                     String comment, Instant ratedAt, String reply, Instant repliedAt, String repliedBy,
                     Instant commentHiddenAt, String commentHiddenBy, String commentHiddenReason,
                     Instant textsCheckedAt, String textsCheckedBy, String appealText, Instant appealedAt,
                     Instant appealDecidedAt, Instant commentApprovedAt, Instant replyApprovedAt,
                     Instant replyHiddenAt, String replyHiddenBy, String replyHiddenReason) {

    public boolean replyHidden() {
        return replyHiddenAt != null;
    }

    public boolean commentHidden() {
        return commentHiddenAt != null;
    }

    /**
     * What became of the citizen's appeal: {@code null} if there is none, {@code pending} until an operator decides,
     * {@code upheld} when the comment was shown again, {@code rejected} when it was checked and stays hidden.
     */
    public String appealOutcome() {
        if (appealedAt == null) {
            return null;
        }
        if (appealDecidedAt == null) {
            return "pending";
        }
        return commentHidden() ? "rejected" : "upheld";
    }

    /** Whether it has text an operator has not looked at: a comment or a reply, not checked since it was written. */
    public boolean unchecked() {
        return textsCheckedAt == null && (comment != null || reply != null || appealText != null);
    }
}
