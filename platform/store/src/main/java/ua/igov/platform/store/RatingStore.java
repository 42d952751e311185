package ua.igov.platform.store;

import java.util.List;
import java.util.Optional;

/** Citizens' ratings of closed applications and the authorities' replies; each counted in the statistics at once. */
public interface RatingStore {

    /**
     * Stores the rating of an application, adds it to the statistics and audits it, in one transaction.
     *
     * @throws AlreadyDoneException if the application was rated before
     */
    Review rate(String trackingNumber, int rating, String comment, AuditEntry audit);

    /**
     * Stores the authority's reply to a rating, audited, in one transaction. The review is unchecked again: there is
     * new text for an operator to look at. A reply an operator hid is replaced.
     *
     * @throws AlreadyDoneException if there is no rating to reply to or it has a reply already (not hidden)
     */
    default Review reply(String trackingNumber, String reply, String repliedBy, AuditEntry audit) {
        return reply(trackingNumber, reply, repliedBy, audit, ReviewMessages.NONE);
    }

    /** Stores the reply as {@link #reply(String, String, String, AuditEntry)} does, with messages about it. */
    Review reply(String trackingNumber, String reply, String repliedBy, AuditEntry audit, ReviewMessages messages);

    /**
     * Hides a review's comment from the public, audited, in one transaction; the comment stays stored. The review
     * counts as checked by {@code hiddenBy}, unless a reply waits for an operator's look: hiding a comment approves no
     * reply, which stays unpublished under pre-moderation and keeps the review on the queue.
     *
     * @throws AlreadyDoneException if the application has no rating, its rating no comment, or the comment is hidden already
     */
    default Review hideComment(String trackingNumber, String reason, String hiddenBy, AuditEntry audit) {
        return hideComment(trackingNumber, reason, hiddenBy, audit, ReviewMessages.NONE);
    }

    /** Hides the comment as {@link #hideComment(String, String, String, AuditEntry)} does, with messages about it. */
    Review hideComment(String trackingNumber, String reason, String hiddenBy, AuditEntry audit, ReviewMessages messages);

    /**
     * Shows a hidden comment to the public again (an operator's mistake, a citizen's appeal upheld), audited, in one
     * transaction; the audit trail keeps both decisions with their reasons. The review counts as checked by
     * {@code shownBy} (unless a reply waits, as for {@link #hideComment}), the comment approved for publication, and an
     * appeal waiting for a decision is upheld.
     *
     * @throws AlreadyDoneException if the application has no rating or its comment is not hidden
     */
    default Review showComment(String trackingNumber, String shownBy, AuditEntry audit) {
        return showComment(trackingNumber, shownBy, audit, ReviewMessages.NONE);
    }

    /** Shows the comment as {@link #showComment(String, String, AuditEntry)} does, with messages about it. */
    Review showComment(String trackingNumber, String shownBy, AuditEntry audit, ReviewMessages messages);

    /**
     * Hides the authority's reply from the public, audited, in one transaction; the reply stays stored, and the
     * authority may write a new one in its place. Hiding is a decision on the reply: the review counts as checked by
     * {@code hiddenBy} unless a comment or an appeal waits for an operator's look.
     *
     * @throws AlreadyDoneException if the application has no rating, its rating no reply, or the reply is hidden already
     */
    default Review hideReply(String trackingNumber, String reason, String hiddenBy, AuditEntry audit) {
        return hideReply(trackingNumber, reason, hiddenBy, null, audit);
    }

    /**
     * Hides the reply as {@link #hideReply(String, String, String, AuditEntry)} does, only if it is the one the
     * operator saw, written at {@code repliedAtSeen} (null: whichever it is): a reply the authority wrote in place
     * of a hidden one after the operator's look is not hidden unseen.
     *
     * @throws ConcurrentChangeException if the reply is another one than the operator saw
     */
    Review hideReply(String trackingNumber, String reason, String hiddenBy, java.time.Instant repliedAtSeen,
                     AuditEntry audit);

    /**
     * Shows a hidden reply again, approved for publication, audited, in one transaction; checked as by
     * {@link #hideReply}.
     *
     * @throws AlreadyDoneException if the application has no rating or its reply is not hidden
     */
    default Review showReply(String trackingNumber, String shownBy, AuditEntry audit) {
        return showReply(trackingNumber, shownBy, null, audit);
    }

    /**
     * Shows the reply again as {@link #showReply(String, String, AuditEntry)} does, only if it is the one the
     * operator saw hidden, written at {@code repliedAtSeen} (null: whichever it is).
     *
     * @throws ConcurrentChangeException if the reply is another one than the operator saw
     */
    Review showReply(String trackingNumber, String shownBy, java.time.Instant repliedAtSeen, AuditEntry audit);

    /**
     * Records that an operator looked at a review's comment and reply as they are and leaves them published,
     * audited, in one transaction: the comment and the reply count as approved for publication from then on (a
     * later reply does not undo the comment's approval). An appeal waiting for a decision is rejected: the comment
     * stays hidden.
     *
     * @throws AlreadyDoneException if the application has no rating, its rating no text, or it is checked already
     */
    default Review markChecked(String trackingNumber, String checkedBy, AuditEntry audit) {
        return markChecked(trackingNumber, checkedBy, audit, ReviewMessages.NONE);
    }

    /** Marks the review checked as {@link #markChecked(String, String, AuditEntry)} does, with messages about it. */
    default Review markChecked(String trackingNumber, String checkedBy, AuditEntry audit, ReviewMessages messages) {
        return markChecked(trackingNumber, checkedBy, null, audit, messages);
    }

    /**
     * Marks the review checked only if its reply and appeal are the ones the operator saw ({@code seen}; null: whatever
     * they are): a reply or an appeal that arrived after the operator's look is not approved or rejected unseen.
     *
     * @throws ConcurrentChangeException if a reply or an appeal came or went since the operator's look
     */
    Review markChecked(String trackingNumber, String checkedBy, ReviewSeen seen, AuditEntry audit,
                       ReviewMessages messages);

    /** What an operator saw of a review when they looked: when its reply and its appeal were written, or null for none. */
    record ReviewSeen(java.time.Instant repliedAt, java.time.Instant appealedAt) {
    }

    /**
     * Records the citizen's appeal against the hiding of their comment, audited, in one transaction; the review is
     * unchecked again, so it is back on the operators' queue. One appeal per hiding.
     *
     * @throws AlreadyDoneException if there is no rating, its comment is not hidden, or the hiding was appealed already
     */
    Review appeal(String trackingNumber, String text, AuditEntry audit);

    /** How reviews are published now; one row that every node reads. */
    ReviewSettings settings();

    /**
     * Switches pre-moderation on or off for every node, audited, in one transaction.
     *
     * @return the settings as they are now
     * @throws AlreadyDoneException if it already is as asked (nothing written)
     */
    ReviewSettings premoderation(boolean on, String changedBy, AuditEntry audit);

    /** How many reviews wait for an operator's look, and since when. */
    ReviewBacklog backlog();

    /** Reviews with text no operator has looked at yet, of every service, the oldest rating first. */
    List<Review> uncheckedReviews(int limit);

    Optional<Review> review(String trackingNumber);

    /** A service's reviews, newest first, hidden comments included (the caller decides what to publish). */
    List<Review> reviews(String serviceCode, int limit);
}
