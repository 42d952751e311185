package ua.igov.platform.core;

import java.time.LocalDate;

/**
 * A citizen's rating of a closed application and the authority's reply, as anyone may read it: no names, no
 * tracking number, no identifier of the citizen or the official; days, not instants.
 *
 * @param comment       the citizen's comment, or {@code null} if there is none or an operator hid it
 * @param commentHidden whether an operator hid the comment from the public (the rating still counts)
 */
public record PublicReview(String serviceCode, String regionId, Integer authorityId, int rating, String comment,
                           boolean commentHidden, LocalDate ratedOn, String reply, LocalDate repliedOn) {
}
