package ua.igov.platform.core;

import java.time.LocalDate;

/**
 * A citizen's rating of a closed application and the authority's reply, as anyone may read it: no names, no
 * tracking number, no identifier of the citizen or the official; days, not instants.
 */
public record PublicReview(String serviceCode, String regionId, Integer authorityId, int rating, String comment,
                           LocalDate ratedOn, String reply, LocalDate repliedOn) {
}
