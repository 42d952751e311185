package ua.igov.platform.core;

import java.util.Map;

import ua.igov.platform.spi.LocalizedText;

/**
 * A region as listed for citizens.
 *
 * @param services       distinct catalogue services citizens can see in the region
 * @param byAvailability how many offerings the region has of each availability
 */
public record RegionSummary(String id, LocalizedText name, String koatuu, String version, int services,
                            Map<String, Integer> byAvailability) {

    public RegionSummary {
        byAvailability = Map.copyOf(byAvailability);
    }
}
