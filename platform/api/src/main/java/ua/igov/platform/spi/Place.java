package ua.igov.platform.spi;

import java.util.Objects;

/**
 * A settlement or an administrative unit within a region where services are delivered.
 *
 * @param id       the place's id in the iGov catalogue
 * @param type     {@code oblast}, {@code rayon}, {@code city}, {@code urban_settlement} or {@code village}
 * @param parentId the place this one belongs to, or {@code null} for the region's own top-level place
 */
public record Place(int id, LocalizedText name, String type, String koatuu, Integer parentId) {

    public Place {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
