package ua.igov.platform.store;

import java.time.Instant;

/**
 * One recorded change of an offering's availability.
 *
 * @param from {@code null} when the offering first appeared
 * @param to   {@value CatalogueStore#WITHDRAWN} when a catalogue update removed the offering
 */
public record OfferingStatusChange(int offeringId, int serviceId, Integer placeId, String from, String to,
                                   String catalogueVersion, Instant at) {
}
