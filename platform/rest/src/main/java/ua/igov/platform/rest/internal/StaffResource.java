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

import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.ApplicationSummary;
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
     * The caller's authorities' applications, the most urgent deadline first; {@code status} may repeat;
     * {@code escalated=true} keeps only those an escalation rule marked escalated.
     */
    @GET
    @Path("officials/queue")
    public List<ApplicationSummary> queue(@QueryParam("status") List<String> statuses, @QueryParam("limit") String limit,
                                          @QueryParam("escalated") String escalated,
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
        return applications.queue(caller, statuses, "true".equals(escalated), howMany);
    }

    @GET
    @Path("operators/audit/verify")
    public AuditReport verifyAudit(@Context ContainerRequestContext request) {
        return applications.verifyAudit(ApplicationResource.signedIn(request));
    }
}
