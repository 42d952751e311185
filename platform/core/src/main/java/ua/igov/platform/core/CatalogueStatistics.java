package ua.igov.platform.core;

import java.util.List;
import java.util.Map;

import ua.igov.platform.spi.LocalizedText;

/**
 * The catalogue in figures, the kind the portal's news reported ("230 online, 38 soon, 741 in work").
 *
 * @param servicesByStatus distinct services by their best availability
 * @param offeringsByStatus offerings (service × place) by availability
 */
public record CatalogueStatistics(Counts total, List<RegionCounts> regions) {

    /** Counts of services and offerings by availability. */
    public record Counts(int services, int offerings, Map<String, Integer> servicesByStatus,
                         Map<String, Integer> offeringsByStatus) {
        public Counts {
            servicesByStatus = Map.copyOf(servicesByStatus);
            offeringsByStatus = Map.copyOf(offeringsByStatus);
        }
    }

    /** One region's counts. */
    public record RegionCounts(String region, LocalizedText name, Counts counts) {
    }

    public CatalogueStatistics {
        regions = List.copyOf(regions);
    }
}
