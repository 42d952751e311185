package ua.igov.platform.spi;

import java.util.List;
import java.util.Objects;

/**
 * Everything one region contributes to the catalogue. The core registers one as an OSGi service on behalf of each
 * region bundle it reads, in that bundle's own context, so the catalogue leaves with the bundle.
 *
 * @param version the version of the region's data (the bundle version)
 */
public record RegionCatalogue(RegionInfo region, String version, List<Place> places, List<Authority> authorities,
                              List<CatalogueService> services, List<Offering> offerings) {

    /** The manifest header of a region bundle; its value is the path of the catalogue file inside the bundle. */
    public static final String MANIFEST_HEADER = "IGov-Region";

    public RegionCatalogue {
        Objects.requireNonNull(region, "region");
        places = List.copyOf(places);
        authorities = List.copyOf(authorities);
        services = List.copyOf(services);
        offerings = List.copyOf(offerings);
    }
}
