package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import ua.igov.platform.core.ApplicationReview;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.Problems;
import ua.igov.platform.core.PublicReview;
import ua.igov.platform.core.RatingService;

/** The citizen rates a closed application and reads the rating back; an official of its authority replies. */
@Path("/applications/{trackingNumber}/rating")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public final class RatingResource {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final RatingService ratings;

    public RatingResource(RatingService ratings) {
        this.ratings = ratings;
    }

    @POST
    public Response rate(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                         @Context ContainerRequestContext request) throws IOException {
        Caller signedIn = citizen(request, "Only the citizen who applied rates an application.");
        PublicReview review = ratings.rate(signedIn, trackingNumber, Bodies.read(body, MAX_BODY_BYTES));
        return Response.status(201).entity(review).build();
    }

    /** The rating: for its citizen as they wrote it, for the authority's staff and operators as the public reads it. */
    @GET
    public ApplicationReview review(@PathParam("trackingNumber") String trackingNumber,
                                    @Context ContainerRequestContext request) {
        return ratings.review(AuthFilter.caller(request), trackingNumber);
    }

    /** The citizen appeals against the hiding of their comment: {@code {"reason": "..."}}. */
    @POST
    @Path("/appeal")
    public ApplicationReview appeal(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                                    @Context ContainerRequestContext request) throws IOException {
        Caller signedIn = citizen(request, "Only the citizen who wrote the comment appeals against its hiding.");
        return ratings.appeal(signedIn, trackingNumber, Bodies.read(body, MAX_BODY_BYTES));
    }

    @POST
    @Path("/reply")
    public PublicReview reply(@PathParam("trackingNumber") String trackingNumber, InputStream body,
                              @Context ContainerRequestContext request) throws IOException {
        Caller signedIn = ApplicationResource.signedIn(request);
        if (!(signedIn instanceof Caller.Staff)) { // before the body, like the citizen's doors
            throw Problems.forbidden("Only an official or supervisor of the application's authority replies to its rating.");
        }
        return ratings.reply(signedIn, trackingNumber, Bodies.read(body, MAX_BODY_BYTES));
    }

    /** Who is asking, before the body is read: 401 or 403 whatever was sent, as the other doors answer. */
    private static Caller citizen(ContainerRequestContext request, String onlyWho) {
        Caller signedIn = ApplicationResource.signedIn(request);
        if (!(signedIn instanceof Caller.CitizenCaller)) {
            throw Problems.forbidden(onlyWho);
        }
        return signedIn;
    }
}
