package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ModeratedReview;
import ua.igov.platform.core.OperatorsOnly;
import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.RatingService;
import ua.igov.platform.core.ReviewPolicy;

/**
 * Operators moderate the public reviews: work through those nobody has looked at yet, read them with their
 * applications, hide a comment with a reason, show it again when that was a mistake or an appeal is upheld; and
 * decide whether texts are published before or only after that look.
 */
@Path("/operators/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public final class ModerationResource {

    private final RatingService ratings;

    public ModerationResource(RatingService ratings) {
        this.ratings = ratings;
    }

    /** A service's reviews, newest first, with tracking numbers and hidden comments. */
    @GET
    public List<ModeratedReview> reviews(@QueryParam("service") String service, @QueryParam("limit") String limit,
                                         @Context ContainerRequestContext request) {
        Caller operator = operator(request);
        return ratings.reviewsToModerate(operator, service, ReviewResource.limit(limit));
    }

    /** The reviews of every service with text no operator has looked at yet, the oldest rating first. */
    @GET
    @Path("/unchecked")
    public List<ModeratedReview> unchecked(@QueryParam("limit") String limit, @Context ContainerRequestContext request) {
        Caller operator = operator(request);
        return ratings.uncheckedReviews(operator, ReviewResource.limit(limit));
    }

    /** How reviews are published, the same on every node. */
    @GET
    @Path("/policy")
    public ReviewPolicy policy(@Context ContainerRequestContext request) {
        return ratings.reviewPolicy(AuthFilter.caller(request));
    }

    /** {@code {"premoderation": true|false}}: for every node at once, audited. */
    @PUT
    @Path("/policy")
    public ReviewPolicy changePolicy(InputStream body, @Context ContainerRequestContext request) throws IOException {
        Caller operator = operator(request);
        return ratings.changeReviewPolicy(operator, Bodies.read(body, RatingResource.MAX_BODY_BYTES));
    }

    /** Looked at, and left published as it is (no body). */
    @POST
    @Path("/{trackingNumber}/mark-checked")
    public PublicReview markChecked(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                                    @Context ContainerRequestContext request) throws IOException {
        Caller operator = operator(request);
        return ratings.markChecked(operator, trackingNumber, Bodies.read(body, RatingResource.MAX_BODY_BYTES));
    }

    @POST
    @Path("/{trackingNumber}/hide-comment")
    public PublicReview hideComment(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                                    @Context ContainerRequestContext request) throws IOException {
        Caller operator = operator(request);
        return ratings.hideComment(operator, trackingNumber, Bodies.read(body, RatingResource.MAX_BODY_BYTES));
    }

    @POST
    @Path("/{trackingNumber}/show-comment")
    public PublicReview showComment(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                                    @Context ContainerRequestContext request) throws IOException {
        Caller operator = operator(request);
        return ratings.showComment(operator, trackingNumber, Bodies.read(body, RatingResource.MAX_BODY_BYTES));
    }

    @POST
    @Path("/{trackingNumber}/hide-reply")
    public PublicReview hideReply(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                                  @Context ContainerRequestContext request) throws IOException {
        Caller operator = operator(request);
        return ratings.hideReply(operator, trackingNumber, Bodies.read(body, RatingResource.MAX_BODY_BYTES));
    }

    @POST
    @Path("/{trackingNumber}/show-reply")
    public PublicReview showReply(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                                  @Context ContainerRequestContext request) throws IOException {
        Caller operator = operator(request);
        return ratings.showReply(operator, trackingNumber, Bodies.read(body, RatingResource.MAX_BODY_BYTES));
    }

    /** Nobody but an operator learns what these doors take: checked before any parameter or body is read. */
    private static Caller operator(ContainerRequestContext request) {
        return OperatorsOnly.check(AuthFilter.caller(request), OperatorsOnly.MODERATES_REVIEWS);
    }
}
