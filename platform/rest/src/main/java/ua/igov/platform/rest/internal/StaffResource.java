package ua.igov.platform.rest.internal;

import java.util.ArrayList;
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
import ua.igov.platform.core.AuditReport;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.Problems;
import ua.igov.platform.spi.FieldProblem;

/** What officials and operators work with: the queue of their authority, the audit trail. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class StaffResource {

    private final ApplicationService applications;

    public StaffResource(ApplicationService applications) {
        this.applications = applications;
    }

    /**
     * The caller's authorities' applications, the most urgent deadline first, a page at a time; {@code status} may
     * repeat; {@code escalated=true} keeps only those an escalation rule marked escalated, {@code false} only the
     * others.
     */
    @GET
    @Path("officials/queue")
    public Response queue(@QueryParam("status") List<String> statuses, @QueryParam("limit") String limit,
                          @QueryParam("escalated") String escalated, @QueryParam("after") String after,
                          @Context ContainerRequestContext request) {
        // who is asking first: nobody but staff learns what the queue takes
        Caller caller = ApplicationResource.signedIn(request);
        if (!(caller instanceof Caller.Staff staff) || (staff.roles().isEmpty() && !staff.operator())) {
            throw Problems.forbidden(ApplicationService.QUEUE_IS_FOR_STAFF);
        }
        List<FieldProblem> problems = new ArrayList<>();
        int howMany = CatalogueResource.number("limit", limit, 50, problems);
        if (escalated != null && !escalated.equals("true") && !escalated.equals("false")) {
            problems.add(new FieldProblem("escalated", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw CatalogueResource.badQuery(problems);
        }
        Boolean marked = escalated == null ? null : Boolean.valueOf(escalated);
        return ApplicationResource.listed(applications.queue(caller, statuses, marked, after, howMany),
                request.getUriInfo());
    }

    @GET
    @Path("operators/audit/verify")
    public AuditReport verifyAudit(@Context ContainerRequestContext request) {
        return applications.verifyAudit(ApplicationResource.signedIn(request));
    }
}
