package ua.igov.platform.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.GenericEntity;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import ua.igov.platform.core.ApplicationPage;
import ua.igov.platform.core.ApplicationService;
import ua.igov.platform.core.ApplicationSummary;
import ua.igov.platform.core.ApplicationView;
import ua.igov.platform.core.AttachmentDownload;
import ua.igov.platform.core.AuditTrail;
import ua.igov.platform.core.AuditTrailEntry;
import ua.igov.platform.core.Caller;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.core.Problems;

/**
 * An application, for its citizen and for the staff of its authority: reading it, taking workflow steps, attaching
 * files. An application the caller may not see answers 404, as if it did not exist.
 */
@Path("/applications/{trackingNumber}")
@Produces(MediaType.APPLICATION_JSON)
public final class ApplicationResource {

    static final int MAX_STEP_BYTES = 256 * 1024;
    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;
    /** Files received at once on this node, and by one caller (see {@link UploadPlaces}). */
    static final int MAX_UPLOADS_AT_ONCE = 16;
    static final int MAX_UPLOADS_PER_CALLER = 2;
    private static final UploadPlaces UPLOADS = new UploadPlaces(MAX_UPLOADS_AT_ONCE, MAX_UPLOADS_PER_CALLER);

    private final ApplicationService applications;

    /** Set on an audit trail that shows only its newest {@link AuditTrail#MAX_ENTRIES} entries. */
    static final String OLDER_LEFT_OUT = "X-Igov-Older-Entries-Left-Out";

    public ApplicationResource(ApplicationService applications) {
        this.applications = applications;
    }

    static Caller signedIn(ContainerRequestContext request) {
        Caller caller = AuthFilter.caller(request);
        if (caller == null) {
            throw Problems.unauthenticated();
        }
        return caller;
    }

    @GET
    public ApplicationView application(@PathParam("trackingNumber") String trackingNumber,
                                       @Context ContainerRequestContext request) {
        return applications.application(signedIn(request), trackingNumber);
    }

    /** Who did and read what with it: for its citizen, its authority's supervisors and operators. */
    @GET
    @Path("/audit-trail")
    public Response auditTrail(@PathParam("trackingNumber") String trackingNumber,
                               @Context ContainerRequestContext request) {
        AuditTrail trail = applications.auditTrail(signedIn(request), trackingNumber);
        Response.ResponseBuilder answer = Response.ok(new GenericEntity<List<AuditTrailEntry>>(trail.entries()) { });
        if (trail.olderLeftOut()) {
            answer.header(OLDER_LEFT_OUT, "true"); // the newest entries are shown; the oldest are in the database
        }
        return answer.build();
    }

    /** Where it stands, without personal data: the cheap read a citizen's page or app polls. */
    @GET
    @Path("/status")
    public ApplicationSummary status(@PathParam("trackingNumber") String trackingNumber,
                                     @Context ContainerRequestContext request) {
        return applications.summary(signedIn(request), trackingNumber);
    }

    /** A workflow step: claim, request-information, answer, approve, reject, issue, cancel, reassign. */
    @POST
    @Path("/actions/{action}")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public ApplicationView act(@PathParam("trackingNumber") String trackingNumber, @PathParam("action") String action,
                               InputStream body, @Context ContainerRequestContext request) throws IOException {
        Caller caller = signedIn(request);
        return applications.act(caller, trackingNumber, action, Bodies.read(body, MAX_STEP_BYTES));
    }

    /** A file, sent as the raw body with its own Content-Type (PDF, JPEG or PNG) and its name in {@code ?name=}. */
    @POST
    @Path("/attachments")
    @Consumes(MediaType.WILDCARD)
    public Response attach(@PathParam("trackingNumber") String trackingNumber, @QueryParam("name") String name,
                           @HeaderParam("Content-Type") String mediaType, InputStream body,
                           @Context ContainerRequestContext request) throws IOException {
        Caller caller = signedIn(request);
        // the place is taken only once the core has checked everything but the file itself, just before reading it
        java.util.concurrent.atomic.AtomicReference<UploadPlaces.Place> place = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            ApplicationView.AttachmentView file = applications.attach(caller, trackingNumber, name, mediaType, () -> {
                place.set(UPLOADS.take(caller.name()));
                try {
                    return Bodies.read(body, MAX_FILE_BYTES);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return Response.status(201).entity(file).build();
        } finally {
            if (place.get() != null) {
                place.get().close();
            }
        }
    }

    /**
     * A file attached to the application, with the type it was attached as. Personal data: not cached anywhere,
     * never sniffed into another type by a browser, offered for saving rather than shown in the page.
     */
    @GET
    @Path("/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("trackingNumber") String trackingNumber,
                               @PathParam("attachmentId") String attachmentId, @Context ContainerRequestContext request) {
        List<MediaType> accepted = request.getAcceptableMediaTypes();
        if (ATTACHMENT_TYPES.stream().noneMatch(type -> acceptable(type, accepted))) {
            throw notAcceptable(accepted, "files are PDF, JPEG or PNG");
        }
        AttachmentDownload file = applications.attachment(signedIn(request), trackingNumber, attachmentId);
        if (!acceptable(MediaType.valueOf(file.mediaType()), accepted)) {
            throw notAcceptable(accepted, "this file is " + file.mediaType());
        }
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", contentDisposition(file.fileName()))
                .header("Cache-Control", "private, no-store")
                .header("X-Content-Type-Options", "nosniff")
                // opened in a browser tab anyway, a file runs nothing and loads nothing
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("ETag", "\"" + file.sha256() + "\"")
                .build();
    }

    /** The types a file is attached in (and so answered in). */
    private static final List<MediaType> ATTACHMENT_TYPES = List.of(MediaType.valueOf("application/pdf"),
            MediaType.valueOf("image/jpeg"), MediaType.valueOf("image/png"));

    private static boolean acceptable(MediaType type, List<MediaType> accepted) {
        return accepted.stream().anyMatch(a -> a.isCompatible(type));
    }

    /**
     * The client's Accept rules the file out: 406, as every other address answers it (before, the file was sent
     * regardless). Judged by the file's own type only once it is read, so a member of staff's read is on the audit
     * trail even when its answer is 406.
     */
    private static ProblemException notAcceptable(List<MediaType> accepted, String why) {
        return new ProblemException(406, "not-acceptable", "Not acceptable", "The Accept header rules out the answer: "
                + why + ". Ask for it (or for */*) in the Accept header, or send none.");
    }

    /** RFC 6266: an ASCII name for old clients, the real (often Ukrainian) name in UTF-8 for the rest. */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9 ._()-]", "_");
        String utf8 = java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + utf8;
    }

    static Response mine(ApplicationService applications, Caller caller, String limit, String after, UriInfo uri) {
        List<ua.igov.platform.spi.FieldProblem> problems = new java.util.ArrayList<>();
        int howMany = CatalogueResource.number("limit", limit, 50, problems);
        if (!problems.isEmpty()) {
            if (!(caller instanceof Caller.CitizenCaller)) {
                // only those who may use a list learn what it takes: the core refuses staff and the anonymous (403,
                // 401) before it reads anything
                applications.mine(caller, null, 1);
            }
            throw CatalogueResource.badQuery(problems);
        }
        return listed(applications.mine(caller, after, howMany), uri);
    }

    /**
     * A page of a list: its applications as the body (a JSON array, as before lists had pages), and, when there are
     * more, where the next page is as an RFC 8288 {@code Link} with {@code rel="next"}: this request's path and
     * query with {@code after} set, relative to the server, so that it holds behind a proxy that renames the host.
     */
    static Response listed(ApplicationPage page, UriInfo uri) {
        Response.ResponseBuilder answer = Response.ok(new GenericEntity<List<ApplicationSummary>>(page.applications()) { });
        if (page.next() != null) {
            java.net.URI next = uri.getRequestUriBuilder().replaceQueryParam("after", page.next()).build();
            answer.header("Link", "<" + next.getRawPath() + "?" + next.getRawQuery() + ">; rel=\"next\"");
        }
        return answer.build();
    }

    static ProblemException tooLarge(int max) {
        return new ProblemException(413, "too-large", "Request too large",
                "The request body is larger than " + max / 1024 + " KiB.");
    }
}
