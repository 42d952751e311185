package ua.igov.platform.core;

import java.util.List;

import ua.igov.platform.spi.LocalizedText;

/**
 * One catalogue service as offered in one region.
 *
 * @param region       the region's id
 * @param availability the best availability among the service's offerings in the region
 * @param places       the places where it is offered, with each place's availability
 * @param serviceCode  the code of the installed service type that takes applications for it, or {@code null}
 */
public record RegionServiceEntry(String region, int serviceId, LocalizedText name, String category, String subcategory,
                                 String availability, List<PlaceOffering> places, String serviceCode,
                                 boolean submittable) {

    public RegionServiceEntry {
        places = List.copyOf(places);
    }

    /**
     * Where and how a service is offered.
     *
     * @param note the region's remark on it (often where or how to get it when it is not online), or {@code null}
     */
    public record PlaceOffering(int offeringId, Integer placeId, LocalizedText placeName, String availability,
                                List<String> loginMethods, String url, Integer deadlineWorkingDays, String fee,
                                String note) {

        public PlaceOffering {
            loginMethods = List.copyOf(loginMethods);
        }
    }
}
