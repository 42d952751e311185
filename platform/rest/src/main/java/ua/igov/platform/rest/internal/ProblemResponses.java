package ua.igov.platform.rest.internal;

import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import ua.igov.platform.core.ProblemException;

/** Builds every error answer of the API, so all of them look the same. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static Response of(ProblemException problem, UriInfo uri) {
        List<ProblemBody.FieldError> errors = problem.fieldProblems().stream()
                .map(p -> new ProblemBody.FieldError(p.field(), p.message()))
                .toList();
        Response response = of(problem.status(), problem.type(), problem.title(), problem.detail(), uri, errors);
        return problem.retryAfter()
                .map(wait -> Response.fromResponse(response).header("Retry-After", retryAfterSeconds(wait)).build())
                .orElse(response);
    }

    /**
     * Whole seconds, rounded up: 14.6 s left of a lock said 14, and a client that waited so long was refused again.
     */
    static long retryAfterSeconds(java.time.Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    static Response of(int status, String slug, String title, String detail, UriInfo uri, List<ProblemBody.FieldError> errors) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Response.ResponseBuilder response = Response.status(status);
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer realm=\"igov\", Basic realm=\"igov\"");
        }
        return response
                .type(ProblemBody.MEDIA_TYPE)
                .entity(new ProblemBody(ProblemBody.TYPE_PREFIX + slug, title, status, detail, instance, errors))
                .build();
    }
}
