package ua.igov.platform.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the database remembers of region catalogues: each offering's availability and every change of it. The
 * catalogue itself comes from the region plugins; this is its history, shared by every node.
 */
public interface CatalogueStore {

    /** The availability recorded for an offering that a catalogue update removed. */
    String WITHDRAWN = "withdrawn";

    /**
     * Compares a region's catalogue with what was recorded before and, in one transaction, records every offering
     * that appeared, changed availability or was withdrawn. Recording the same catalogue twice (another node, a
     * restart) records nothing the second time.
     *
     * @return how many changes were recorded
     */
    int recordCatalogue(String regionId, String version, List<OfferingState> offerings, Instant at);

    /** An offering's changes, oldest first. */
    List<OfferingStatusChange> offeringHistory(String regionId, int offeringId);

    /** How many applications were made for each catalogue service, in a region or (regionId null) everywhere. */
    Map<Integer, Long> applicationCounts(String regionId);
}
