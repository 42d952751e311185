package ua.igov.platform.core;

import java.time.Instant;

/**
 * A review as an operator moderates it: with the application's tracking number and the comment as the citizen wrote
 * it, also when it is hidden from the public, and who hid it, when and why; and who last looked at its texts, and
 * when ({@code null} while nobody has since they were written); and the citizen's appeal against a hiding, with what
 * became of it ({@code pending}, {@code upheld}, {@code rejected}).
 *
 * @param commentApprovedAt when an operator let the comment be published (its first check), or {@code null}: where
 *                          reviews are pre-moderated, the public sees the comment only from then on
 * @param replyApprovedAt   the same for the authority's reply
 * @param replyHiddenAt     when an operator hid the reply from the public, or {@code null}; by whom and why beside it
 */
public record ModeratedReview(String trackingNumber, String serviceCode, String regionId, Integer authorityId,
                              int rating, String comment, Instant ratedAt, String reply, Instant repliedAt,
                              Instant commentHiddenAt, String commentHiddenBy, String commentHiddenReason,
                              Instant textsCheckedAt, String textsCheckedBy, String appeal, Instant appealedAt,
                              String appealOutcome, Instant commentApprovedAt, Instant replyApprovedAt,
                              Instant replyHiddenAt, String replyHiddenBy, String replyHiddenReason) {
}
