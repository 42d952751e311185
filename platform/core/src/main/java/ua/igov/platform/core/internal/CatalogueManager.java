package ua.igov.platform.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.Problems;
import ua.igov.platform.core.RegionServiceEntry;
import ua.igov.platform.core.RegionServiceEntry.PlaceOffering;
import ua.igov.platform.core.RegionSummary;
import ua.igov.platform.core.ServiceDescription;
import ua.igov.platform.spi.Availability;
import ua.igov.platform.spi.CatalogueService.Classifier;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.Offering;
import ua.igov.platform.spi.Place;
import ua.igov.platform.store.ApplicationStore;
import ua.igov.platform.store.ServiceTypeRecord;

/** The catalogue as citizens see it, answered from the plugins installed now. */
@Component(service = CatalogueService.class)
public class CatalogueManager implements CatalogueService {

    private final InstalledPlugins plugins;
    private final ApplicationStore store;

    @Activate
    public CatalogueManager(@Reference InstalledPlugins plugins, @Reference ApplicationStore store) {
        this.plugins = plugins;
        this.store = store;
    }

    @Override
    public List<RegionSummary> regions() {
        return plugins.regions().stream().map(CatalogueManager::summary).toList();
    }

    private static RegionSummary summary(RegionIndex region) {
        Map<String, Integer> counts = new TreeMap<>();
        region.countByAvailability().forEach((availability, n) -> counts.put(availability.wireName(), n));
        return new RegionSummary(region.id(), region.catalogue().region().name(), region.catalogue().region().koatuu(),
                region.catalogue().version(), region.visibleServices().size(), counts);
    }

    @Override
    public List<RegionServiceEntry> regionServices(String regionId) {
        RegionIndex region = plugins.region(regionId).orElseThrow(() -> Problems.unknownRegion(regionId));
        return region.visibleServices().stream()
                .map(service -> {
                    List<Offering> offerings = region.offerings(service.id());
                    Optional<InstalledServiceType> type = plugins.serviceTypeFor(service.id());
                    Availability best = offerings.stream().map(Offering::availability)
                            .min(Comparator.naturalOrder()).orElse(Availability.IN_WORK);
                    List<PlaceOffering> places = offerings.stream()
                            .map(o -> new PlaceOffering(o.id(), o.placeId(), placeName(region, o.placeId()),
                                    o.availability().wireName(), o.loginMethods(), o.url()))
                            .toList();
                    return new RegionServiceEntry(service.id(), service.name(), code(service.category()),
                            code(service.subcategory()), best.wireName(), places,
                            type.map(InstalledServiceType::code).orElse(null),
                            type.isPresent() && best == Availability.ONLINE);
                })
                .toList();
    }

    private static LocalizedText placeName(RegionIndex region, Integer placeId) {
        Place place = region.place(placeId);
        return place == null ? region.catalogue().region().name() : place.name();
    }

    private static String code(Classifier classifier) {
        return classifier == null ? null : classifier.code();
    }

    @Override
    public ServiceDescription service(String code) {
        Optional<InstalledServiceType> installed = plugins.serviceType(code);
        if (installed.isPresent()) {
            InstalledServiceType type = installed.get();
            List<Integer> ids = type.type().catalogueServiceIds().stream().sorted().toList();
            return new ServiceDescription(code, type.type().name(), true, type.type().form().version(), ids,
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
                .flatMap(r -> r.visibleServices().stream())
                .filter(s -> s.id() == id)
                .findFirst()
                .map(s -> new ServiceDescription(code, s.name(), false, null, List.of(id), regionsOfferingOnline(List.of(id))));
    }

    private List<String> regionsOfferingOnline(List<Integer> catalogueIds) {
        return plugins.regions().stream()
                .filter(r -> catalogueIds.stream().anyMatch(id -> r.offersOnline(id, null)))
                .map(RegionIndex::id)
                .toList();
    }

    @Override
    public String formSchema(String code) {
        Optional<InstalledServiceType> installed = plugins.serviceType(code);
        if (installed.isPresent()) {
            return installed.get().type().form().jsonSchema();
        }
        ServiceDescription known = service(code); // throws "unknown service" when it is not known at all
        throw known.formVersion() == null ? Problems.noOnlineForm(code) : Problems.serviceNotInstalled(code);
    }
}
