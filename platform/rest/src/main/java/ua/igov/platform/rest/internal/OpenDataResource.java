package ua.igov.platform.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import ua.igov.platform.core.StatisticsReport;
import ua.igov.platform.core.StatisticsService;

/** The open data: anonymised statistics per period for anyone, as JSON or CSV. */
@Path("/open-data")
public final class OpenDataResource {

    private final StatisticsService statistics;

    public OpenDataResource(StatisticsService statistics) {
        this.statistics = statistics;
    }

    @GET
    @Path("statistics.json")
    @Produces(MediaType.APPLICATION_JSON)
    public StatisticsReport openDataJson(@QueryParam("by") String by, @QueryParam("from") String from,
                                         @QueryParam("to") String to) {
        return statistics.openData(by, from, to);
    }

    @GET
    @Path("statistics.csv")
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
