package ua.igov.platform.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.core.CatalogueQuery;
import ua.igov.platform.core.CataloguePage;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.CatalogueStatistics;
import ua.igov.platform.core.OfferingChange;
import ua.igov.platform.core.PlaceView;
import ua.igov.platform.core.PopularService;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;
import ua.igov.platform.core.RegionServiceEntry;
import ua.igov.platform.core.RegionServiceEntry.PlaceOffering;
import ua.igov.platform.core.RegionSummary;
import ua.igov.platform.core.ServiceDescription;
import ua.igov.platform.spi.Availability;
import ua.igov.platform.spi.CatalogueService.Classifier;
import ua.igov.platform.spi.FieldProblem;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Offering;
import ua.igov.platform.spi.Place;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.ServiceTypeRecord;
import ua.igov.platform.store.StoreException;

/** The catalogue as citizens see it, answered from the plugins installed now. */
@Component(service = CatalogueService.class)
public class CatalogueManager implements CatalogueService {

    private final InstalledPlugins plugins;
    private final ApplicationStore store;
    private final CatalogueStore catalogueStore;
    private final Popularity popularity;

    @Activate
    public CatalogueManager(@Reference InstalledPlugins plugins, @Reference ApplicationStore store,
                            @Reference CatalogueStore catalogueStore) {
        this(plugins, store, catalogueStore, Clock.systemUTC());
    }

    CatalogueManager(InstalledPlugins plugins, ApplicationStore store, CatalogueStore catalogueStore, Clock clock) {
        this.plugins = plugins;
        this.store = store;
        this.catalogueStore = catalogueStore;
        this.popularity = new Popularity(catalogueStore, clock);
    }

    @Override
    public List<RegionSummary> regions() {
        return plugins.regions().stream().map(CatalogueManager::summary).toList();
    }

    private static RegionSummary summary(RegionIndex region) {
        return new RegionSummary(region.id(), region.catalogue().region().name(), region.catalogue().region().koatuu(),
                region.catalogue().version(), region.entries().size(), wireNames(region.countByAvailability()));
    }

    private RegionIndex region(String regionId) {
        return plugins.region(regionId).orElseThrow(() -> Problems.unknownRegion(regionId));
    }

    @Override
    public List<RegionServiceEntry> regionServices(String regionId) {
        RegionIndex region = region(regionId);
        return region.entries().stream().map(e -> view(region, e, e.offerings())).toList();
    }

    @Override
    public List<PlaceView> places(String regionId) {
        return region(regionId).catalogue().places().stream()
                .map(p -> new PlaceView(p.id(), p.name(), p.type(), p.koatuu(), p.parentId()))
                .toList();
    }

    private RegionServiceEntry view(RegionIndex region, CatalogueEntry entry, List<Offering> offerings) {
        Optional<InstalledServiceType> type = plugins.serviceTypeFor(entry.service().id());
        Availability best = offerings.stream().map(Offering::availability).min(Comparator.naturalOrder())
                .orElse(entry.best());
        List<PlaceOffering> places = offerings.stream()
                .map(o -> new PlaceOffering(o.id(), o.placeId(), placeName(region, o.placeId()),
                        o.availability().wireName(), o.loginMethods(), o.url(), o.deadlineWorkingDays(), o.fee(),
                        o.note()))
                .toList();
        return new RegionServiceEntry(region.id(), entry.service().id(), entry.service().name(),
                code(entry.service().category()), code(entry.service().subcategory()), best.wireName(), places,
                type.map(InstalledServiceType::code).orElse(null), type.isPresent() && best == Availability.ONLINE);
    }

    private static LocalizedText placeName(RegionIndex region, Integer placeId) {
        Place place = region.place(placeId);
        return place == null ? region.catalogue().region().name() : place.name();
    }

    private static String code(Classifier classifier) {
        return classifier == null ? null : classifier.code();
    }

    // ---- search -----------------------------------------------------------------------------------------------

    /** @param best the best availability among the offerings that passed the filters: what the answer shows */
    private record Hit(RegionIndex region, CatalogueEntry entry, List<Offering> offerings, int score, long popularity,
                       Availability best) {
    }

    @Override
    public CataloguePage search(CatalogueQuery query, List<FieldProblem> foundBefore) {
        List<FieldProblem> problems = new ArrayList<>(foundBefore);
        problems.addAll(query.problems());
        List<String> words = SearchText.words(query.text());
        List<String> latinSpellings = SearchText.latinSpellings(words);
        if (query.text() != null && problems.stream().noneMatch(p -> p.field().equals("q")) && words.isEmpty()) {
            // "№" or "«»" alone would otherwise match everything, where a blank q is refused
            problems.add(new FieldProblem("q", "has no letter or digit to search for"));
        }
        List<RegionIndex> regions = new ArrayList<>();
        if (query.region() != null) {
            plugins.region(query.region()).ifPresentOrElse(regions::add, () -> problems.add(
                    new FieldProblem("region", "there is no region '" + shorten(query.region()) + "'; GET /api/regions lists them")));
        } else {
            regions.addAll(plugins.regions());
        }
        Collection<RegionIndex> installed = plugins.regions();
        if (query.category() != null && !installed.isEmpty()
                && problems.stream().noneMatch(p -> p.field().equals("category"))
                && installed.stream().noneMatch(r -> r.hasCategory(query.category()))) {
            // A typo would otherwise be an empty result, as if the catalogue had nothing for it. Judged by every
            // region: one that has nothing of a category (Odesa has no Business service) answers it with none.
            problems.add(new FieldProblem("category", "there is no category '" + shorten(query.category())
                    + "'; the categories are " + installed.stream().flatMap(r -> r.entries().stream())
                            .filter(e -> e.service().category() != null).map(e -> e.service().category().code())
                            .distinct().sorted().collect(java.util.stream.Collectors.joining(", "))));
        }
        if (!problems.isEmpty()) {
            throw invalidQuery(problems);
        }
        Map<RegionIndex, Set<Integer>> placeFilter = placeFilter(query.place(), regions);
        Map<Integer, Long> counts = popularity.counts(query.region());
        Predicate<Offering> offeringFilter = offeringFilter(query);

        List<Hit> hits = new ArrayList<>();
        for (RegionIndex region : regions) {
            Set<Integer> places = placeFilter == null ? null : placeFilter.get(region);
            if (placeFilter != null && places == null) {
                continue;
            }
            for (CatalogueEntry entry : region.entries()) {
                if (query.category() != null && (entry.service().category() == null
                        || !entry.service().category().code().equalsIgnoreCase(query.category()))) {
                    continue;
                }
                int score = words.isEmpty() ? 1 : entry.score(words, latinSpellings);
                if (score == 0) {
                    continue;
                }
                List<Offering> matching = entry.offerings().stream()
                        .filter(offeringFilter)
                        .filter(o -> places == null || o.placeId() == null || places.contains(o.placeId()))
                        .toList();
                if (!matching.isEmpty()) {
                    hits.add(new Hit(region, entry, matching, score, published(counts.getOrDefault(entry.service().id(), 0L)),
                            matching.stream().map(Offering::availability).min(Enum::compareTo).orElseThrow()));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::score).reversed()
                .thenComparing(Comparator.comparingLong(Hit::popularity).reversed())
                .thenComparing(Hit::best)
                .thenComparing(h -> h.entry().nameOrder())
                .thenComparing(h -> h.region().id()));
        int from = (int) Math.min((long) query.page() * query.size(), hits.size());
        int to = Math.min(from + query.size(), hits.size());
        List<RegionServiceEntry> items = hits.subList(from, to).stream()
                .map(h -> view(h.region(), h.entry(), h.offerings()))
                .toList();
        return new CataloguePage(hits.size(), query.page(), query.size(), items);
    }

    /**
     * An application count as the catalogue may rank by it: published like open data (fewer than 5 is none, the rest
     * rounded down to a multiple of 5), so that watching two services swap places cannot show one application.
     */
    private static long published(long count) {
        int step = OpenDataRows.SMALLEST_PUBLISHED;
        return count < step ? 0 : count / step * step;
    }

    private static Predicate<Offering> offeringFilter(CatalogueQuery query) {
        Availability status = query.status() == null ? null : Availability.fromWireName(query.status());
        return o -> (status == null || o.availability() == status)
                && (query.login() == null || o.loginMethods().contains(query.login()));
    }

    /**
     * For "everything available in my city and its oblast": per region, the ids of the places with this KOATUU
     * code and every place above them. Null when no place was asked for.
     */
    private static Map<RegionIndex, Set<Integer>> placeFilter(String koatuu, List<RegionIndex> regions) {
        if (koatuu == null) {
            return null;
        }
        Map<RegionIndex, Set<Integer>> filter = new java.util.HashMap<>();
        for (RegionIndex region : regions) {
            Set<Integer> ids = new HashSet<>();
            region.placesWithKoatuu(koatuu).forEach(p -> ids.addAll(region.withAncestors(p)));
            if (!ids.isEmpty()) {
                filter.put(region, ids);
            }
        }
        if (filter.isEmpty()) {
            throw invalidQuery(List.of(new FieldProblem("place", "no place with the KOATUU code " + koatuu
                    + " is in the catalogue" + (regions.size() == 1 ? " of " + regions.get(0).id() : ""))));
        }
        return filter;
    }

    private static ProblemException invalidQuery(List<FieldProblem> problems) {
        return new ProblemException(400, "invalid-query", "Invalid query",
                "The search cannot be run as asked: " + problems.get(0).field() + " " + problems.get(0).message()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""), problems);
    }

    private static String shorten(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    // ---- figures ----------------------------------------------------------------------------------------------

    @Override
    public CatalogueStatistics statistics() {
        List<CatalogueStatistics.RegionCounts> perRegion = new ArrayList<>();
        Map<Integer, Availability> bestEverywhere = new java.util.HashMap<>();
        Map<Availability, Integer> offeringsEverywhere = new EnumMap<>(Availability.class);
        int offeringTotal = 0;
        for (RegionIndex region : plugins.regions()) {
            Map<Availability, Integer> offerings = region.countByAvailability();
            int regionOfferings = offerings.values().stream().mapToInt(Integer::intValue).sum();
            perRegion.add(new CatalogueStatistics.RegionCounts(region.id(), region.catalogue().region().name(),
                    new CatalogueStatistics.Counts(region.entries().size(), regionOfferings,
                            wireNames(region.servicesByAvailability()), wireNames(offerings))));
            offerings.forEach((a, n) -> offeringsEverywhere.merge(a, n, Integer::sum));
            offeringTotal += regionOfferings;
            region.entries().forEach(e -> bestEverywhere.merge(e.service().id(), e.best(),
                    (x, y) -> x.compareTo(y) <= 0 ? x : y));
        }
        Map<Availability, Integer> servicesEverywhere = new EnumMap<>(Availability.class);
        bestEverywhere.values().forEach(a -> servicesEverywhere.merge(a, 1, Integer::sum));
        return new CatalogueStatistics(new CatalogueStatistics.Counts(bestEverywhere.size(), offeringTotal,
                wireNames(servicesEverywhere), wireNames(offeringsEverywhere)), perRegion);
    }

    private static Map<String, Integer> wireNames(Map<Availability, Integer> counts) {
        Map<String, Integer> named = new TreeMap<>();
        counts.forEach((a, n) -> named.put(a.wireName(), n));
        return named;
    }

    @Override
    public List<PopularService> mostRequested(String regionId, int limit) {
        if (limit < 1 || limit > CatalogueQuery.MAX_SIZE) {
            throw invalidQuery(List.of(new FieldProblem("limit", "must be between 1 and " + CatalogueQuery.MAX_SIZE)));
        }
        List<RegionIndex> regions = regionId == null ? List.copyOf(plugins.regions()) : List.of(region(regionId));
        Map<Integer, LocalizedText> names = new java.util.HashMap<>();
        regions.forEach(r -> r.entries().forEach(e -> names.putIfAbsent(e.service().id(), e.service().name())));
        // Published like open data: a service with fewer than 5 applications is not listed, and counts are rounded
        // down to a multiple of 5, so that watching the list does not show when one person applied for a rare service.
        // Ranked by the rounded count too: ranked by the exact one, two services showing 10 would swap places at one
        // more application.
        return popularity.known(regionId).orElseThrow(() -> Problems.notRead(
                        "The most requested services cannot be counted now.")).entrySet().stream()
                .filter(e -> names.containsKey(e.getKey()) && published(e.getValue()) > 0)
                .map(e -> Map.entry(e.getKey(), published(e.getValue())))
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new PopularService(e.getKey(), names.get(e.getKey()), e.getValue(),
                        plugins.serviceTypeFor(e.getKey()).map(InstalledServiceType::code).orElse(null)))
                .toList();
    }

    @Override
    public List<OfferingChange> offeringHistory(String regionId, int offeringId) {
        // A region removed by the operators keeps its history in the database, and it stays readable: when did this
        // service go online there is a question for after the region has left too.
        Optional<RegionIndex> region = plugins.region(regionId);
        if (region.isEmpty() && !regionId.matches("[a-z][a-z0-9-]{1,62}")) {
            throw Problems.unknownRegion(regionId); // no region id could be this: not asked of the database
        }
        boolean known = region.isPresent()
                && region.get().catalogue().offerings().stream().anyMatch(o -> o.id() == offeringId);
        try {
            List<OfferingChange> history = catalogueStore.offeringHistory(regionId, offeringId).stream()
                    .map(c -> new OfferingChange(c.offeringId(), c.serviceId(), c.placeId(), c.from(), c.to(),
                            c.catalogueVersion(), c.at()))
                    .toList();
            if (region.isEmpty() && history.isEmpty()) {
                throw Problems.unknownRegion(regionId);
            }
            if (!known && history.isEmpty()) {
                throw new ProblemException(404, "unknown-offering", "Unknown offering",
                        "Region '" + regionId + "' has no offering " + offeringId + ".");
            }
            return history;
        } catch (StoreException e) {
            throw Problems.notRead("The offering's history could not be read.");
        }
    }

    // ---- services ---------------------------------------------------------------------------------------------

    @Override
    public ServiceDescription service(String code) {
        Optional<InstalledServiceType> installed = plugins.serviceType(code);
        if (installed.isPresent()) {
            InstalledServiceType type = installed.get();
            List<Integer> ids = type.catalogueServiceIds().stream().sorted().toList();
            return new ServiceDescription(code, type.name(), true, type.formVersion(), ids,
                    regionsOfferingOnline(ids));
        }
        Optional<ServiceTypeRecord> known = store.findServiceType(code);
        if (known.isPresent()) {
            ServiceTypeRecord record = known.get();
            return new ServiceDescription(code, new LocalizedText(record.nameUk(), record.nameEn()), false,
                    record.formVersion(), List.of(), List.of());
        }
        return catalogueEntry(code).orElseThrow(() -> Problems.unknownService(code));
    }

    /** A catalogue service asked for by its numeric id: described, but submittable only through a service type. */
    private Optional<ServiceDescription> catalogueEntry(String code) {
        if (!code.matches("\\d{1,9}")) {
            return Optional.empty();
        }
        int id = Integer.parseInt(code);
        return plugins.regions().stream()
                .flatMap(r -> r.entries().stream())
                .map(CatalogueEntry::service)
                .filter(s -> s.id() == id)
                .findFirst()
                .map(s -> {
                    Optional<InstalledServiceType> type = plugins.serviceTypeFor(id);
                    return new ServiceDescription(code, s.name(), type.isPresent(),
                            type.map(t -> t.formVersion()).orElse(null), List.of(id), regionsOfferingOnline(List.of(id)));
                });
    }

    private List<String> regionsOfferingOnline(List<Integer> catalogueIds) {
        return plugins.regions().stream()
                .filter(r -> catalogueIds.stream().anyMatch(id -> r.offersOnline(id, null)))
                .map(RegionIndex::id)
                .toList();
    }

    @Override
    public String uiHints(String code) {
        InstalledServiceType type = installed(code);
        return type.uiHints().orElseThrow(() -> new ProblemException(404, "no-ui-hints", "No UI hints",
                "The service '" + code + "' renders from its form schema alone; it brings no UI hints."));
    }

    @Override
    public String formSchema(String code) {
        return installed(code).schemaText();
    }

    /**
     * The service type serving {@code code} (a service code or a catalogue service id), looked up once: a plugin
     * leaving meanwhile cannot turn a found one into a missing one. Unknown or not installed: the form's problems.
     */
    private InstalledServiceType installed(String code) {
        Optional<InstalledServiceType> installed = plugins.serviceType(code)
                .or(() -> code.matches("\\d{1,9}") ? plugins.serviceTypeFor(Integer.parseInt(code)) : Optional.empty());
        if (installed.isPresent()) {
            return installed.get();
        }
        ServiceDescription known = service(code); // throws "unknown service" when it is not known at all
        throw known.formVersion() == null ? Problems.noOnlineForm(code) : Problems.serviceNotInstalled(code);
    }
}
