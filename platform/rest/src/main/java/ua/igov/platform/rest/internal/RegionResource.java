package ua.igov.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.OfferingChange;
import ua.igov.platform.core.PlaceView;
import ua.igov.platform.core.RegionServiceEntry;
import ua.igov.platform.core.RegionSummary;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;

/** The regions in the catalogue and the services each offers. */
@Path("/regions")
@Produces(MediaType.APPLICATION_JSON)
public final class RegionResource {

    private final CatalogueService catalogue;

    public RegionResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    public List<RegionSummary> regions() {
        return catalogue.regions();
    }

    @GET
    @Path("/{region}/services")
    public List<RegionServiceEntry> services(@PathParam("region") String region) {
        return catalogue.regionServices(region);
    }

    @GET
    @Path("/{region}/places")
    public List<PlaceView> places(@PathParam("region") String region) {
        return catalogue.places(region);
    }

    /** When an offering's availability changed: when did this service go online here? */
    @GET
    @Path("/{region}/offerings/{offering}/history")
    public List<OfferingChange> offeringHistory(@PathParam("region") String region, @PathParam("offering") String offering) {
        List<FieldProblem> problems = new ArrayList<>();
        int id = CatalogueResource.number("offering", offering, -1, problems);
        if (!problems.isEmpty()) {
            throw CatalogueResource.badQuery(problems);
        }
        if (id <= 0 || !offering.equals(String.valueOf(id))) {
            catalogue.places(region); // an unknown region is answered as such first, as for any other offering id
            // a whole number no offering has (0, negative, past an int, "007"): answered with the number as typed,
            // not as the largest int it was read as, which would be another offering's history if one had that id
            String typed = offering.length() > 24 ? offering.substring(0, 24) + "…" : offering;
            throw new ProblemException(404, "unknown-offering", "Unknown offering",
                    "Region '" + (region.length() > 64 ? region.substring(0, 64) + "…" : region) + "' has no offering "
                            + typed + ".");
        }
        return catalogue.offeringHistory(region, id);
    }
}
