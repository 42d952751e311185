package ua.igov.platform.spi;

import java.util.List;
import java.util.Objects;

/**
 * Everything one region contributes to the catalogue. The core registers one as an OSGi service on behalf of each
 * region bundle it reads, in that bundle's own context, so the catalogue leaves with the bundle.
 *
 * @param version    the version of the region's data (the bundle version)
 * @param escalation the region's escalation rules (its file's optional {@code escalation} section), since 1.1; for
 *                   each trigger a service plugin declares, the service's rules win over these
 */
public record RegionCatalogue(RegionInfo region, String version, List<Place> places, List<Authority> authorities,
                              List<CatalogueService> services, List<Offering> offerings,
                              List<EscalationRule> escalation) {

    /** The manifest header of a region bundle; its value is the path of the catalogue file inside the bundle. */
    public static final String MANIFEST_HEADER = "IGov-Region";

    /** A catalogue without escalation rules of its own (the 1.0 form). */
    public RegionCatalogue(RegionInfo region, String version, List<Place> places, List<Authority> authorities,
                           List<CatalogueService> services, List<Offering> offerings) {
        this(region, version, places, authorities, services, offerings, List.of());
    }

    public RegionCatalogue {
        Objects.requireNonNull(region, "region");
        places = List.copyOf(places);
        authorities = List.copyOf(authorities);
        services = List.copyOf(services);
        offerings = List.copyOf(offerings);
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
        if (escalation.stream().map(EscalationRule::id).distinct().count() != escalation.size()) {
            throw new IllegalArgumentException("escalation: two rules have the same id");
        }
    }
}
