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
    private final Map<String, List<Place>> placesByKoatuu;
    private final List<CatalogueEntry> entries;
    /** The category codes of what citizens can find here, in lower case. */
    private final java.util.Set<String> categories;

    RegionIndex(RegionCatalogue catalogue, PluginOrigin origin) {
        this.catalogue = catalogue;
        this.origin = origin;
        this.places = catalogue.places().stream().collect(Collectors.toUnmodifiableMap(Place::id, Function.identity(), (a, b) -> a));
        this.services = catalogue.services().stream()
                .collect(Collectors.toUnmodifiableMap(CatalogueService::id, Function.identity(), (a, b) -> a));
        this.offeringsByService = catalogue.offerings().stream()
                .filter(o -> services.containsKey(o.serviceId()))
                .collect(Collectors.groupingBy(Offering::serviceId, Collectors.toUnmodifiableList()));
        this.placesByKoatuu = catalogue.places().stream().filter(p -> p.koatuu() != null)
                .collect(Collectors.groupingBy(Place::koatuu, Collectors.toUnmodifiableList()));
        this.entries = catalogue.services().stream()
                .filter(s -> !s.test() && offeringsByService.containsKey(s.id()))
                .map(s -> new CatalogueEntry(s, offeringsByService.get(s.id())))
                .toList();
        this.categories = entries.stream().filter(e -> e.service().category() != null)
                .map(e -> e.service().category().code().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether anything citizens can find here is of this category (its code, in any case). */
    boolean hasCategory(String code) {
        return categories.contains(code.toLowerCase(java.util.Locale.ROOT));
    }

    /** What citizens can find here, one entry per visible service. */
    List<CatalogueEntry> entries() {
        return entries;
    }

    List<Place> placesWithKoatuu(String koatuu) {
        return placesByKoatuu.getOrDefault(koatuu, List.of());
    }

    /** The place and every place above it (its district, its oblast-level place), as ids. */
    java.util.Set<Integer> withAncestors(Place place) {
        java.util.Set<Integer> ids = new java.util.HashSet<>();
        for (Place p = place; p != null && ids.add(p.id()); p = place(p.parentId())) {
            // walk up; the set stops a cycle in bad data
        }
        return ids;
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
        return entries.stream().map(CatalogueEntry::service).toList();
    }

    List<Offering> offerings(int serviceId) {
        return offeringsByService.getOrDefault(serviceId, List.of());
    }

    /** Whether citizens can apply online for the service here, at the given place or anywhere in the region. */
    boolean offersOnline(int serviceId, Integer placeId) {
        return onlineOffering(serviceId, placeId).isPresent();
    }

    /** The offering an online application for the service is made at (see {@link #onlineOffering(List, Integer)}). */
    java.util.Optional<Offering> onlineOffering(int serviceId, Integer placeId) {
        return onlineOffering(List.of(serviceId), placeId);
    }

    /**
     * The offering an online application for one of the catalogue services is made at. Without a place: the first
     * service's (in the order given) first online offering. At a place: an online offering there, or else at the
     * nearest place above it (an offering at the oblast's place serves the oblast's towns, as a search by place shows
     * it), or else one for the whole region (no place); at each of these, the services in the order given.
     */
    java.util.Optional<Offering> onlineOffering(List<Integer> serviceIds, Integer placeId) {
        List<Offering> online = serviceIds.stream().flatMap(id -> offerings(id).stream())
                .filter(o -> o.availability() == Availability.ONLINE).toList();
        if (placeId == null) {
            return online.stream().findFirst();
        }
        if (place(placeId) == null) {
            return java.util.Optional.empty(); // not a place of this region
        }
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (Place p = place(placeId); p != null && seen.add(p.id()); p = place(p.parentId())) {
            Integer at = p.id();
            java.util.Optional<Offering> here = online.stream().filter(o -> at.equals(o.placeId())).findFirst();
            if (here.isPresent()) {
                return here;
            }
        }
        return online.stream().filter(o -> o.placeId() == null).findFirst();
    }

    Map<Availability, Integer> countByAvailability() {
        Map<Availability, Integer> counts = new EnumMap<>(Availability.class);
        for (CatalogueEntry e : entries) {
            for (Offering o : e.offerings()) {
                counts.merge(o.availability(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Visible services by their best availability. */
    Map<Availability, Integer> servicesByAvailability() {
        Map<Availability, Integer> counts = new EnumMap<>(Availability.class);
        entries.forEach(e -> counts.merge(e.best(), 1, Integer::sum));
        return counts;
    }
}
