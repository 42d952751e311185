package ua.igov.platform.store;

import java.util.Objects;

/** An offering's availability as a region's catalogue states it now. */
public record OfferingState(int offeringId, int serviceId, Integer placeId, String availability) {

    public OfferingState {
        Objects.requireNonNull(availability, "availability");
    }
}
