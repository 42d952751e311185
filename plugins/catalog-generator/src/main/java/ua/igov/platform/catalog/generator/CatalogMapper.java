package ua.igov.platform.catalog.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Builds one region's catalogue from the iGov extract. Every list is sorted by id so that the same CSVs
 * always give the same file, whatever the row order of the extract.
 */
final class CatalogMapper {

    /** iGov gives the oblast-level place of region N the id 50000 + N. */
    static final int OBLAST_PLACE_OFFSET = 50000;

    private final IgovDump dump;

    CatalogMapper(IgovDump dump) {
        this.dump = dump;
    }

    RegionCatalog map(RegionDirectory.Entry region) {
        int regionId = region.igovId();
        // All offerings of the region, test and hidden ones too: availability says what a citizen sees.
        List<RegionCatalog.Offering> offerings = dump.offerings().stream()
                .filter(row -> Objects.equals(row.integer("region_id"), regionId))
                .map(CatalogMapper::offering)
                .sorted(Comparator.comparingInt(RegionCatalog.Offering::id))
                .toList();
        return new RegionCatalog(
                RegionCatalog.FORMAT_VERSION,
                RegionDirectory.header(region, dump),
                places(regionId),
                authorities(offerings),
                services(offerings),
                offerings);
    }

    private List<RegionCatalog.Place> places(int regionId) {
        int oblastPlaceId = OBLAST_PLACE_OFFSET + regionId;
        return dump.places().stream()
                .filter(row -> Objects.equals(row.integer("region_id"), regionId))
                .map(row -> {
                    int id = row.requiredInt("id");
                    String uk = row.requiredText("name_uk");
                    // iGov's PlaceTree hangs every place without an explicit parent directly under its oblast.
                    Integer parent = row.integer("parent_place_id");
                    if (parent == null && id != oblastPlaceId) {
                        parent = oblastPlaceId;
                    }
                    return new RegionCatalog.Place(id,
                            new RegionCatalog.Name(uk, UkrainianTransliterator.transliterate(uk)),
                            row.requiredText("place_type"), row.text("koatuu"), parent);
                })
                .sorted(Comparator.comparingInt(RegionCatalog.Place::id))
                .toList();
    }

    /** Only the authorities this region's offerings name, so a region file carries no foreign bodies. */
    private List<RegionCatalog.Authority> authorities(List<RegionCatalog.Offering> offerings) {
        List<RegionCatalog.Authority> result = new ArrayList<>();
        for (int id : referencedIds(offerings.stream().map(RegionCatalog.Offering::authorityId).toList())) {
            CsvTable.Row row = require(dump.authorities().get(id), "authority", id);
            result.add(new RegionCatalog.Authority(id,
                    RegionCatalog.Name.uk(row.requiredText("name_uk")),
                    nameOrNull(row.text("full_name_uk")),
                    row.text("kind_uk")));
        }
        return result;
    }

    private List<RegionCatalog.Service> services(List<RegionCatalog.Offering> offerings) {
        List<RegionCatalog.Service> result = new ArrayList<>();
        for (int id : referencedIds(offerings.stream().map(RegionCatalog.Offering::serviceId).toList())) {
            CsvTable.Row row = require(dump.services().get(id), "service", id);
            CsvTable.Row subcategory = require(dump.subcategories().get(row.requiredInt("subcategory_id")),
                    "subcategory", row.requiredInt("subcategory_id"));
            CsvTable.Row category = require(dump.categories().get(subcategory.requiredInt("category_id")),
                    "category", subcategory.requiredInt("category_id"));
            result.add(new RegionCatalog.Service(id,
                    RegionCatalog.Name.uk(row.requiredText("name_uk")),
                    category(category),
                    category(subcategory),
                    keywords(row.text("keywords_uk")),
                    row.text("operator_name_uk"),
                    row.bool("is_test")));
        }
        return result;
    }

    private static RegionCatalog.Offering offering(CsvTable.Row row) {
        String serviceType = row.requiredText("service_type");
        // Built-in offerings run on the portal; any URL on them would be meaningless, and iGov leaves it empty.
        String url = "built_in".equals(serviceType) ? null : row.text("url");
        return new RegionCatalog.Offering(
                row.requiredInt("id"),
                row.requiredInt("service_id"),
                row.integer("place_id"),
                row.integer("operator_authority_id"),
                RegionCatalog.Availability.of(serviceType, row.bool("hidden"), row.bool("test")),
                loginMethods(row.text("auth_methods")),
                url,
                row.text("note_uk"));
    }

    /** iGov's "mpbds" is the ID-card login, which its own UI already calls IDcard. Order is kept as published. */
    static List<String> loginMethods(String authMethods) {
        return splitList(authMethods).stream()
                .map(method -> method.equals("mpbds") ? "IDcard" : method)
                .distinct()
                .toList();
    }

    static List<String> keywords(String keywords) {
        return splitList(keywords);
    }

    private static List<String> splitList(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static TreeSet<Integer> referencedIds(List<Integer> ids) {
        TreeSet<Integer> sorted = new TreeSet<>();
        ids.stream().filter(Objects::nonNull).forEach(sorted::add);
        return sorted;
    }

    private static RegionCatalog.Category category(CsvTable.Row row) {
        return new RegionCatalog.Category(row.requiredText("code"), RegionCatalog.Name.uk(row.requiredText("name_uk")));
    }

    private static RegionCatalog.Name nameOrNull(String uk) {
        return uk == null ? null : RegionCatalog.Name.uk(uk);
    }

    private static CsvTable.Row require(CsvTable.Row row, String what, int id) {
        if (row == null) {
            throw new IllegalStateException("the extract references " + what + " " + id + ", which it does not contain");
        }
        return row;
    }
}
