package ua.igov.platform.core;

import java.util.List;

/**
 * Ratings and feedback: the citizen rates a closed (issued or rejected) application once, 1 to 5, with an optional
 * comment; an official or supervisor of its authority replies once; an operator may hide a published comment from
 * the public, with a reason (personal data or abuse written into it). All of it is audited.
 */
public interface RatingService {

    /** The body is {@code {"rating": 1..5, "comment": "..."}}. */
    PublicReview rate(Caller caller, String trackingNumber, byte[] body);

    /** The body is {@code {"reply": "..."}}. */
    PublicReview reply(Caller caller, String trackingNumber, byte[] body);

    /**
     * The application's rating for whoever may see the application: its citizen (their own words, and why a hidden
     * comment was hidden), the authority's staff and operators (as the public reads it, to reply to it).
     *
     * @throws ProblemException 404 {@code not-rated} when it has no rating yet
     */
    ApplicationReview review(Caller caller, String trackingNumber);

    /**
     * The citizen appeals against the hiding of their comment, once per hiding: {@code {"reason": "..."}}. The review
     * goes back on the operators' queue; an operator upholds the appeal by showing the comment again, or rejects it
     * by marking the review checked. The citizen reads the outcome with {@link #review}.
     */
    ApplicationReview appeal(Caller caller, String trackingNumber, byte[] body);

    /** How reviews are published (operators only). */
    ReviewPolicy reviewPolicy(Caller caller);

    /**
     * Changes how reviews are published, for every node at once, audited (operators only). The body is
     * {@code {"premoderation": true|false}}.
     */
    ReviewPolicy changeReviewPolicy(Caller caller, byte[] body);

    /** A service's reviews, newest first, for anyone; hidden comments are left out. */
    List<PublicReview> reviews(String serviceCode, int limit);

    /** A service's reviews, newest first, as operators moderate them (operators only; the service is required). */
    List<ModeratedReview> reviewsToModerate(Caller caller, String serviceCode, int limit);

    /**
     * Hides the comment of the application's review from the public (operators only; not the authority, whose
     * work the review judges). The body is {@code {"reason": "..."}}; the comment stays stored for the record.
     */
    PublicReview hideComment(Caller caller, String trackingNumber, byte[] body);

    /**
     * Shows a hidden comment to the public again (operators only), for instance when a citizen's appeal is upheld.
     * The body is {@code {"reason": "..."}}, kept in the audit trail with the hiding's.
     */
    PublicReview showComment(Caller caller, String trackingNumber, byte[] body);

    /**
     * Hides the authority's reply to the application's review from the public (operators only): a reply that repeats
     * the citizen's details, say. The body is {@code {"reason": "..."}}; the reply stays stored, and the authority may
     * write a new one in its place. Counts as a check of the review unless a comment or an appeal waits.
     */
    PublicReview hideReply(Caller caller, String trackingNumber, byte[] body);

    /** Shows a hidden reply again, approved for publication (operators only); the body is {@code {"reason": "..."}}. */
    PublicReview showReply(Caller caller, String trackingNumber, byte[] body);

    /**
     * The reviews of every service with text (a comment, a reply) no operator has looked at yet, the oldest rating
     * first (operators only). Reviews are published at once, masked; this is the queue of what to look at.
     */
    List<ModeratedReview> uncheckedReviews(Caller caller, int limit);

    /**
     * Records that an operator looked at the review's comment and reply and leaves them published (operators only).
     * Hiding or showing a comment counts as a check too, unless a reply waits for a look (neither approves a reply); a
     * reply written later makes the review unchecked again.
     */
    default PublicReview markChecked(Caller caller, String trackingNumber) {
        return markChecked(caller, trackingNumber, null);
    }

    /**
     * The same, checked against what the operator saw: {@code seen} is empty, or a JSON object with the
     * {@code repliedAt} and {@code appealedAt} of the review as the operator's list showed them (null or absent: there
     * was none). If a reply or an appeal came since, nothing is marked: 409 {@code changed-meanwhile}, so that nothing
     * is approved or rejected unseen.
     */
    PublicReview markChecked(Caller caller, String trackingNumber, byte[] seen);
}
