package ua.igov.platform.catalog.generator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The content of a region bundle's {@code META-INF/igov/region.json} (format version 1).
 * Component order is the JSON field order. Absent optional values are omitted, except the few fields
 * marked {@link JsonInclude.Include#ALWAYS}, whose null carries meaning (top of the tree, no link, no note).
 */
record RegionCatalog(
        int formatVersion,
        Region region,
        List<Place> places,
        List<Authority> authorities,
        List<Service> services,
        List<Offering> offerings) {

    static final int FORMAT_VERSION = 1;

    /** A text in Ukrainian and, where there is one, English. */
    record Name(String uk, String en) {
        static Name uk(String uk) {
            return new Name(uk, null);
        }
    }

    /** {@code id} is the plugin slug, {@code igovId} the region's id in iGov's Region table. */
    record Region(String id, int igovId, String koatuu, Name name) {
    }

    record Place(int id, Name name, String type, String koatuu,
                 @JsonInclude(JsonInclude.Include.ALWAYS) Integer parentId) {
    }

    record Authority(int id, Name name, Name fullName, String kind) {
    }

    record Category(String code, Name name) {
    }

    record Service(int id, Name name, Category category, Category subcategory,
                   List<String> keywords, String operator, boolean test) {
    }

    record Offering(int id, int serviceId, Integer placeId, Integer authorityId, Availability availability,
                    List<String> loginMethods,
                    @JsonInclude(JsonInclude.Include.ALWAYS) String url,
                    @JsonInclude(JsonInclude.Include.ALWAYS) String note) {
    }

    /** What a citizen sees for an offering; see docs/region-plugin-format.md. */
    enum Availability {
        /** Runs end to end on the portal. */
        ONLINE("online"),
        /** Listed on the portal, which links to where the service is actually obtained. */
        INFO_ONLY("info_only"),
        /** Announced but not yet open (hidden in iGov). */
        COMING_SOON("coming_soon"),
        /** Still being set up or tested (iGov's test flag); listed as such, never submittable. */
        IN_WORK("in_work");

        private final String json;

        Availability(String json) {
            this.json = json;
        }

        @JsonValue
        String json() {
            return json;
        }

        /** Citizens can use the offering now: what iGov's public catalogue calls "live". */
        boolean live() {
            return this == ONLINE || this == INFO_ONLY;
        }

        /**
         * iGov's flags to availability. The test flag wins over hidden: a test row is unfinished whether
         * or not it is also hidden.
         */
        static Availability of(String serviceType, boolean hidden, boolean test) {
            if (test) {
                return IN_WORK;
            }
            if (hidden) {
                return COMING_SOON;
            }
            return switch (serviceType) {
                case "built_in" -> ONLINE;
                case "external_link", "auth_then_link", "api_link" -> INFO_ONLY;
                default -> throw new IllegalArgumentException("unknown service_type " + serviceType);
            };
        }
    }
}
