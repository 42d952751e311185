package ua.igov.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.RatingService;
import ua.igov.platform.spi.FieldProblem;

/** A service's reviews for anyone: ratings, comments and replies without any personal data. */
@Path("/services/{code}/reviews")
@Produces(MediaType.APPLICATION_JSON)
public final class ReviewResource {

    private final RatingService ratings;

    public ReviewResource(RatingService ratings) {
        this.ratings = ratings;
    }

    /**
     * Caches may keep the list but must ask again before they show it ({@code no-cache}): a comment an operator hides
     * (personal data the masks missed, abuse) is gone from the next answer, not from whenever a cache lets it expire.
     */
    @GET
    public Response reviews(@PathParam("code") String code, @QueryParam("limit") String limit) {
        List<PublicReview> reviews = ratings.reviews(code, limit(limit));
        return Response.ok(reviews).cacheControl(REVALIDATED).build();
    }

    private static final CacheControl REVALIDATED = CacheControl.valueOf("no-cache");

    /** How many reviews a list shows: 1 to {@value #MOST} (the rating service's own bound), 50 when not given. */
    static int limit(String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        int howMany = CatalogueResource.number("limit", limit, 50, problems);
        if (problems.isEmpty() && (howMany < 1 || howMany > MOST)) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MOST));
        }
        if (!problems.isEmpty()) {
            throw CatalogueResource.badQuery(problems);
        }
        return howMany;
    }

    static final int MOST = 200;
}
