package ua.igov.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.CatalogueQuery;
import ua.igov.platform.core.CataloguePage;
import ua.igov.platform.core.CatalogueService;
import ua.igov.platform.core.CatalogueStatistics;
import ua.igov.platform.core.PopularService;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;

/** Searching the catalogue across every installed region, and its figures. */
@Path("/catalogue")
@Produces(MediaType.APPLICATION_JSON)
public final class CatalogueResource {

    private final CatalogueService catalogue;

    public CatalogueResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Numbers arrive as text so that a bad one gets a problem naming the parameter (JAX-RS would answer 404).
     */
    @GET
    public CataloguePage search(@QueryParam("q") String q, @QueryParam("region") String region,
                                @QueryParam("place") String place, @QueryParam("category") String category,
                                @QueryParam("status") String status, @QueryParam("login") String login,
                                @QueryParam("page") String page, @QueryParam("size") String size) {
        // a number that is not one is named with every other mistake of the query, not alone
        List<FieldProblem> problems = new ArrayList<>();
        int pageNumber = number("page", page, 0, problems);
        int pageSize = number("size", size, CatalogueQuery.DEFAULT_SIZE, problems);
        return catalogue.search(new CatalogueQuery(q, region, place, category, status, login, pageNumber, pageSize),
                problems);
    }

    @GET
    @Path("/statistics")
    public CatalogueStatistics statistics() {
        return catalogue.statistics();
    }

    @GET
    @Path("/most-requested")
    public List<PopularService> mostRequested(@QueryParam("region") String region, @QueryParam("limit") String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        int howMany = number("limit", limit, 10, problems);
        if (!problems.isEmpty()) {
            throw badQuery(problems);
        }
        return catalogue.mostRequested(region, howMany);
    }

    static int number(String name, String value, int defaultValue, List<FieldProblem> problems) {
        if (value == null) {
            return defaultValue;
        }
        if (!value.matches("-?\\d+")) {
            problems.add(new FieldProblem(name, "must be a whole number"));
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException past) {
            // a whole number all the same: as far out of range as an int goes, so each caller's own range answers
            return value.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    static ProblemException badQuery(List<FieldProblem> problems) {
        return new ProblemException(400, "invalid-query", "Invalid query",
                "The search cannot be run as asked: " + problems.get(0).field() + " " + problems.get(0).message(), problems);
    }
}
