package ua.igov.platform.core.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ua.igov.platform.spi.Availability;
import ua.igov.platform.spi.CatalogueService;
import ua.igov.platform.spi.Offering;
import ua.igov.platform.spi.Place;
import ua.igov.platform.spi.RegionCatalogue;

/**
 * One region's catalogue, indexed for the questions citizens ask. Immutable: an update replaces the whole index at
 * once, so nobody ever reads half an old and half a new catalogue.
 */
final class RegionIndex {

    private final RegionCatalogue catalogue;
    private final PluginOrigin origin;
    private final Map<Integer, Place> places;
    private final Map<Integer, CatalogueService> services;
    private final Map<Integer, List<Offering>> offeringsByService;

    RegionIndex(RegionCatalogue catalogue, PluginOrigin origin) {
        this.catalogue = catalogue;
        this.origin = origin;
        this.places = catalogue.places().stream().collect(Collectors.toUnmodifiableMap(Place::id, Function.identity(), (a, b) -> a));
        this.services = catalogue.services().stream()
                .collect(Collectors.toUnmodifiableMap(CatalogueService::id, Function.identity(), (a, b) -> a));
        this.offeringsByService = catalogue.offerings().stream()
                .filter(o -> services.containsKey(o.serviceId()))
                .collect(Collectors.groupingBy(Offering::serviceId, Collectors.toUnmodifiableList()));
    }

    String id() {
        return catalogue.region().id();
    }

    RegionCatalogue catalogue() {
        return catalogue;
    }

    PluginOrigin origin() {
        return origin;
    }

    Place place(Integer id) {
        return id == null ? null : places.get(id);
    }

    /** Services citizens may see: iGov's test and placeholder entries are left out. */
    List<CatalogueService> visibleServices() {
        return catalogue.services().stream()
                .filter(s -> !s.test() && offeringsByService.containsKey(s.id()))
                .toList();
    }

    List<Offering> offerings(int serviceId) {
        return offeringsByService.getOrDefault(serviceId, List.of());
    }

    /** Whether citizens can apply online for the service here, at the given place or anywhere in the region. */
    boolean offersOnline(int serviceId, Integer placeId) {
        return offerings(serviceId).stream()
                .anyMatch(o -> o.availability() == Availability.ONLINE && (placeId == null || placeId.equals(o.placeId())));
    }

    Map<Availability, Integer> countByAvailability() {
        Map<Availability, Integer> counts = new EnumMap<>(Availability.class);
        for (CatalogueService s : visibleServices()) {
            for (Offering o : offerings(s.id())) {
                counts.merge(o.availability(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
