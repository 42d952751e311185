package ua.igov.platform.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import ua.igov.platform.core.StatisticsReport;
import ua.igov.platform.core.StatisticsService;

/** Statistics for supervisors and operators, and the open data for anyone. */
@Path("/")
public final class StatisticsResource {

    private final StatisticsService statistics;

    public StatisticsResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Path("statistics")
    @Produces(MediaType.APPLICATION_JSON)
    public StatisticsReport statistics(@QueryParam("by") String by, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("authority") String authority,
                                       @Context ContainerRequestContext request) {
        return statistics.statistics(AuthFilter.caller(request), by, from, to, authority);
    }

    @GET
    @Path("open-data/statistics.json")
    @Produces(MediaType.APPLICATION_JSON)
    public StatisticsReport openDataJson(@QueryParam("by") String by, @QueryParam("from") String from,
                                         @QueryParam("to") String to) {
        return statistics.openData(by, from, to);
    }

    @GET
    @Path("open-data/statistics.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response openDataCsv(@QueryParam("by") String by, @QueryParam("from") String from,
                                @QueryParam("to") String to) {
        StatisticsReport report = statistics.openData(by, from, to);
        return Response.ok(statistics.openDataCsv(report))
                .header("Content-Disposition", "attachment; filename=\"igov-statistics-" + report.by() + "-"
                        + report.from() + "-" + report.to() + ".csv\"")
                .build();
    }
}
