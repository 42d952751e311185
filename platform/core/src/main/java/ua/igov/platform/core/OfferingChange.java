package ua.igov.platform.core;

import java.time.Instant;

/**
 * A change of an offering's availability, as recorded when a region's catalogue was installed or updated.
 *
 * @param from the availability before, or {@code null} when the offering first appeared
 * @param to   the availability after, or {@code withdrawn} when an update removed the offering
 */
public record OfferingChange(int offeringId, int serviceId, Integer placeId, String from, String to,
                             String catalogueVersion, Instant at) {
}
