package ua.igov.platform.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import ua.igov.platform.spi.Authority;
import ua.igov.platform.spi.Availability;
import ua.igov.platform.spi.CatalogueService;
import ua.igov.platform.spi.CatalogueService.Classifier;
import ua.igov.platform.spi.EscalationRule;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Offering;
import ua.igov.platform.spi.Place;
import ua.igov.platform.spi.RegionCatalogue;
import ua.igov.platform.spi.RegionInfo;
import ua.igov.platform.spi.Status;

/**
 * Reads a region plugin's catalogue file (format 1, described in docs/region-plugin-format.md). Any mistake in the
 * file is reported with the path of the entry that holds it, so a region's staff can find and fix it.
 */
final class RegionCatalogueReader {

    static final int FORMAT_VERSION = 1;

    private RegionCatalogueReader() {
    }

    static RegionCatalogue read(InputStream in, String version) throws IOException {
        JsonNode root = Json.MAPPER.readTree(in);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the catalogue file must hold a JSON object");
        }
        int format = root.path("formatVersion").asInt(-1);
        if (format != FORMAT_VERSION) {
            throw new IllegalArgumentException("formatVersion " + root.path("formatVersion")
                    + " is not supported; this platform reads format " + FORMAT_VERSION);
        }
        RegionInfo region = at("region", () -> {
            JsonNode r = required(root, "region");
            return new RegionInfo(text(r, "id"), integer(r, "igovId"), optionalText(r, "koatuu"),
                    localized(required(r, "name")));
        });
        List<Place> places = list(root, "places", RegionCatalogueReader::place);
        List<Authority> authorities = list(root, "authorities", RegionCatalogueReader::authority);
        List<CatalogueService> services = list(root, "services", RegionCatalogueReader::service);
        List<Offering> offerings = list(root, "offerings", RegionCatalogueReader::offering);
        checkReferences(places, authorities, services, offerings);
        return new RegionCatalogue(region, version, places, authorities, services, offerings,
                root.hasNonNull("escalation") ? list(root, "escalation", RegionCatalogueReader::escalationRule) : List.of());
    }

    /**
     * Every id an entry names is in the file: an offering of a service the file does not list would never be shown,
     * and one at an unknown place or authority, or online with no authority at all, would send applications
     * nowhere, without a word.
     */
    private static void checkReferences(List<Place> places, List<Authority> authorities, List<CatalogueService> services,
                                        List<Offering> offerings) {
        java.util.Set<Integer> placeIds = new java.util.HashSet<>();
        places.forEach(p -> placeIds.add(p.id()));
        java.util.Set<Integer> authorityIds = new java.util.HashSet<>();
        authorities.forEach(a -> authorityIds.add(a.id()));
        java.util.Set<Integer> serviceIds = new java.util.HashSet<>();
        services.forEach(s -> serviceIds.add(s.id()));
        for (int i = 0; i < places.size(); i++) {
            Integer parent = places.get(i).parentId();
            if (parent != null && !placeIds.contains(parent)) {
                throw new IllegalArgumentException("places[" + i + "]: parentId " + parent + " is not in places");
            }
        }
        for (int i = 0; i < offerings.size(); i++) {
            Offering o = offerings.get(i);
            if (!serviceIds.contains(o.serviceId())) {
                throw new IllegalArgumentException("offerings[" + i + "]: serviceId " + o.serviceId() + " is not in services");
            }
            if (o.placeId() != null && !placeIds.contains(o.placeId())) {
                throw new IllegalArgumentException("offerings[" + i + "]: placeId " + o.placeId() + " is not in places");
            }
            if (o.authorityId() != null && !authorityIds.contains(o.authorityId())) {
                throw new IllegalArgumentException("offerings[" + i + "]: authorityId " + o.authorityId()
                        + " is not in authorities");
            }
            if (o.authorityId() == null && o.availability() == Availability.ONLINE) {
                throw new IllegalArgumentException("offerings[" + i + "]: an online offering names the authority "
                        + "that works its applications (authorityId); without one they would be in nobody's queue");
            }
        }
    }

    /** An escalation rule as a region file or the platform's configuration states it. */
    static EscalationRule escalationRule(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("a rule is an object {\"id\", \"trigger\", \"workingDays\", \"actions\"}");
        }
        Integer days = optionalInt(n, "workingDays");
        JsonNode actionList = required(n, "actions");
        if (!actionList.isArray()) {
            throw new IllegalArgumentException("'actions' must be a list such as [\"remind-authority\"]");
        }
        Set<EscalationRule.Action> actions = EnumSet.noneOf(EscalationRule.Action.class);
        actionList.forEach(a -> actions.add(EscalationRule.Action.fromWireName(a.asText())));
        EscalationRule.Trigger trigger = EscalationRule.Trigger.fromWireName(text(n, "trigger"));
        int workingDays = days == null ? 0 : days;
        JsonNode statusList = n.get("statuses");
        if (statusList == null || statusList.isNull()) {
            return new EscalationRule(text(n, "id"), trigger, workingDays, actions);
        }
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        statusList.forEach(s -> statuses.add(Status.fromWireName(s.asText())));
        return new EscalationRule(text(n, "id"), trigger, workingDays, actions, statuses);
    }

    private static Place place(JsonNode n) {
        return new Place(integer(n, "id"), localized(required(n, "name")), text(n, "type"),
                optionalText(n, "koatuu"), optionalInt(n, "parentId"));
    }

    private static Authority authority(JsonNode n) {
        JsonNode fullName = n.get("fullName");
        return new Authority(integer(n, "id"), localized(required(n, "name")),
                fullName == null || fullName.isNull() ? null : localized(fullName), optionalText(n, "kind"));
    }

    private static CatalogueService service(JsonNode n) {
        List<String> keywords = new ArrayList<>();
        n.path("keywords").forEach(k -> keywords.add(k.asText()));
        return new CatalogueService(integer(n, "id"), localized(required(n, "name")),
                classifier(n.get("category")), classifier(n.get("subcategory")), keywords,
                optionalText(n, "operator"), n.path("test").asBoolean(false));
    }

    private static Offering offering(JsonNode n) {
        List<String> logins = new ArrayList<>();
        n.path("loginMethods").forEach(k -> logins.add(k.asText()));
        return new Offering(integer(n, "id"), integer(n, "serviceId"), optionalInt(n, "placeId"),
                optionalInt(n, "authorityId"), Availability.fromWireName(text(n, "availability")), logins,
                optionalText(n, "url"), optionalText(n, "note"), optionalInt(n, "deadlineWorkingDays"),
                optionalText(n, "fee"));
    }

    private static Classifier classifier(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new Classifier(text(n, "code"), localized(required(n, "name")));
    }

    private static LocalizedText localized(JsonNode n) {
        return new LocalizedText(text(n, "uk"), optionalText(n, "en"));
    }

    private static <T> List<T> list(JsonNode root, String field, Function<JsonNode, T> reader) {
        JsonNode array = root.path(field);
        if (!array.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list");
        }
        List<T> items = new ArrayList<>(array.size());
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            items.add(at(field + "[" + i + "]", () -> reader.apply(item)));
            // an id listed twice would be shown, counted and recorded twice, or one of the two silently lost
            Integer first = ids.putIfAbsent(item.path("id").asText(), i);
            if (first != null) {
                throw new IllegalArgumentException(field + "[" + i + "]: duplicate id " + item.path("id").asText()
                        + " (also " + field + "[" + first + "])");
            }
        }
        return items;
    }

    private static <T> T at(String path, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode value = n.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }

    /** A whole number: "abc", 29.5 or 3000000000 is a mistake, never read as 0, 29 or a wrapped-around id. */
    private static int integer(JsonNode n, String field) {
        JsonNode value = required(n, field);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number, not " + value);
        }
        return value.asInt();
    }

    private static String text(JsonNode n, String field) {
        return required(n, field).asText();
    }

    private static String optionalText(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer optionalInt(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : integer(n, field);
    }
}
