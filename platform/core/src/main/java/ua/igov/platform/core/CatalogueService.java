package ua.igov.platform.core;

import java.util.List;

/** The catalogue as citizens browse it, built from the region and service plugins installed now. */
public interface CatalogueService {

    List<RegionSummary> regions();

    /** @throws ProblemException if the region is not in the catalogue */
    List<RegionServiceEntry> regionServices(String regionId);

    /** @throws ProblemException if the region is not in the catalogue */
    List<PlaceView> places(String regionId);

    /**
     * Searches every installed region. Results are ranked: matches in a service's name before matches elsewhere,
     * then the services citizens apply for most.
     *
     * @throws ProblemException naming the query parameter that is wrong
     */
    default CataloguePage search(CatalogueQuery query) {
        return search(query, List.of());
    }

    /**
     * Searches, or refuses the query naming every parameter that is wrong at once: those in {@code foundBefore}
     * (what could not be read into the query, such as a page that is not a number) and those the query has.
     */
    CataloguePage search(CatalogueQuery query, List<ua.igov.platform.spi.FieldProblem> foundBefore);

    CatalogueStatistics statistics();

    /** The services with most applications, in one region or (region {@code null}) everywhere. */
    List<PopularService> mostRequested(String regionId, int limit);

    /**
     * When an offering's availability changed (when did this service go online in Lviv?).
     *
     * @throws ProblemException if the region or offering is unknown
     */
    List<OfferingChange> offeringHistory(String regionId, int offeringId);

    /**
     * A service by its code: the code of a service type, or the numeric id of a catalogue service.
     *
     * @throws ProblemException if no such service is known
     */
    ServiceDescription service(String code);

    /**
     * The JSON Schema of a service's form.
     *
     * @throws ProblemException if the service is unknown, or known but its plugin is not installed now
     */
    String formSchema(String code);

    /**
     * The form's UI hints, as the plugin wrote them.
     *
     * @throws ProblemException if the service is unknown, not installed, or brings no hints
     */
    String uiHints(String code);
}
