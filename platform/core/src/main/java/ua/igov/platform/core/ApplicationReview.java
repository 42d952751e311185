package ua.igov.platform.core;

import java.time.LocalDate;

/**
 * One application's rating as the people involved read it. Its citizen reads their comment as they wrote it and,
 * if an operator hid it from the public, when and why; the authority's staff and operators read it as the public
 * does (contacts and identity numbers masked, a hidden comment left out), so that they can reply to it.
 *
 * @param comment             the comment, or {@code null} if there is none, or it is hidden and the reader is not
 *                            its author
 * @param commentHiddenReason why an operator hid the comment (for its author and operators), else {@code null}
 * @param commentHiddenOn     the day it was hidden (Kyiv), or {@code null}
 * @param appealOutcome       for its author: {@code pending}, {@code upheld} or {@code rejected} once they appealed
 *                            the hiding, else {@code null}
 * @param replyHidden         whether an operator hid the authority's reply from the public (everyone who reads this
 *                            still reads the reply: the authority wrote it and the citizen was its addressee)
 * @param replyHiddenReason   why, for all who read this (the authority may write a better reply), else {@code null}
 */
public record ApplicationReview(String trackingNumber, int rating, String comment, LocalDate ratedOn,
                                boolean commentHidden, String commentHiddenReason, LocalDate commentHiddenOn,
                                String reply, LocalDate repliedOn, LocalDate appealedOn, String appealOutcome,
                                boolean replyHidden, String replyHiddenReason) {
}
