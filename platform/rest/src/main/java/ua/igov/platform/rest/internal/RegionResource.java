package ua.igov.platform.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.RegionServiceEntry;
import ua.igov.platform.core.RegionSummary;

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
}
