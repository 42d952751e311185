package ua.igov.platform.store;

import java.time.Instant;

/**
 * A citizen's rating of a closed application and the authority's reply.
 *
 * @param reply     the authority's reply, or {@code null} while there is none
 * @param repliedBy the login of the member of staff who replied (never published)
 */
public record Review(String serviceCode, String regionId, Integer authorityId, int rating, String comment,
                     Instant ratedAt, String reply, Instant repliedAt, String repliedBy) {
}
