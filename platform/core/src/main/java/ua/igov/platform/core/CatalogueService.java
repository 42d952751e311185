package ua.igov.platform.core;

import java.util.List;

/** The catalogue as citizens browse it, built from the region and service plugins installed now. */
public interface CatalogueService {

    List<RegionSummary> regions();

    /** @throws ProblemException if the region is not in the catalogue */
    List<RegionServiceEntry> regionServices(String regionId);

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
}
