package ua.igov.platform.spi;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A region (oblast, or a city with oblast status) as citizens know it.
 *
 * @param id      a stable, URL-safe slug such as {@code dnipropetrovsk}
 * @param igovId  the region's id in the iGov catalogue
 * @param koatuu  the 10-digit KOATUU code of the region
 * @param name    the region's name
 */
public record RegionInfo(String id, int igovId, String koatuu, LocalizedText name) {

    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]{1,62}");

    public RegionInfo {
        if (id == null || !SLUG.matcher(id).matches()) {
            throw new IllegalArgumentException("region id must be a lower-case slug like 'lviv', was '" + id + "'");
        }
        Objects.requireNonNull(name, "name");
    }
}
