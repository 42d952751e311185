package ua.igov.platform.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.ApplicationStatus;

/** Where an application stands, by its tracking number. */
@Path("/applications")
@Produces(MediaType.APPLICATION_JSON)
public final class ApplicationResource {

    private final ApplicationService applications;

    public ApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    @GET
    @Path("/{trackingNumber}")
    public ApplicationStatus status(@PathParam("trackingNumber") String trackingNumber) {
        return applications.status(trackingNumber);
    }
}
