package ua.igov.platform.core;

import java.time.LocalDate;

/**
 * A citizen's rating of a closed application and the authority's reply, as anyone may read it: no names, no
 * tracking number, no identifier of the citizen or the official; days, not instants.
 *
 * @param comment            the citizen's comment, or {@code null} if there is none, an operator hid it, or it
 *                           awaits moderation
 * @param commentHidden      whether an operator hid the comment from the public (the rating still counts)
 * @param reply              the authority's reply, or {@code null} if there is none, an operator hid it, or it
 *                           awaits moderation
 * @param awaitingModeration whether a comment or reply is held back until an operator has looked at it (only where
 *                           the installation publishes reviews after a check; the rating counts meanwhile)
 * @param replyHidden        whether an operator hid the authority's reply from the public
 */
public record PublicReview(String serviceCode, String regionId, Integer authorityId, int rating, String comment,
                           boolean commentHidden, LocalDate ratedOn, String reply, LocalDate repliedOn,
                           boolean awaitingModeration, boolean replyHidden) {
}
