package ua.igov.platform.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.StatisticsReport;
import ua.igov.platform.core.StatisticsService;

/** Statistics for supervisors (their own authorities) and operators (everything). */
@Path("/statistics")
public final class StatisticsResource {

    private final StatisticsService statistics;

    public StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StatisticsReport statistics(@QueryParam("by") String by, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("authority") String authority,
                                       @Context ContainerRequestContext request) {
        return statistics.statistics(AuthFilter.caller(request), by, from, to, authority);
    }
}
