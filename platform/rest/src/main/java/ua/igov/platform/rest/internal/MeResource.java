package ua.igov.platform.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.StaffNameService;

/** The signed-in citizen: who they are and their applications. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {

    private final ApplicationService applications;
    private final StaffNameService staffNames;

    public MeResource(ApplicationService applications, StaffNameService staffNames) {
        this.applications = applications;
        this.staffNames = staffNames;
    }

    /**
     * Who the platform takes the caller to be.
     *
     * @param shownToCitizensAs for staff: the display name citizens see in place of their login, or {@code staff}
     */
    public record Me(String kind, String name, String displayName, List<String> roles, List<Integer> authorities,
                     String shownToCitizensAs) {
    }

    @GET
    public Me me(@Context ContainerRequestContext request) {
        Caller caller = ApplicationResource.signedIn(request);
        if (caller instanceof Caller.CitizenCaller c) {
            return new Me("citizen", caller.name(), c.citizen().displayName(), List.of("citizen"), List.of(), null);
        }
        Caller.Staff staff = (Caller.Staff) caller;
        List<String> roles = new java.util.ArrayList<>(staff.roles().stream().map(r -> r.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList());
        if (staff.operator()) {
            roles.add("operator");
        }
        return new Me("staff", caller.name(), staff.user(), roles, staff.authorities().stream().sorted().toList(),
                staffNames.shownToCitizensAs(staff));
    }

    @GET
    @Path("/applications")
    public Response applications(@QueryParam("limit") String limit, @QueryParam("after") String after,
                                 @Context ContainerRequestContext request) {
        return ApplicationResource.mine(applications, ApplicationResource.signedIn(request), limit, after,
                request.getUriInfo());
    }
}
