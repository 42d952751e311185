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
                .map(wait -> Response.fromResponse(response).header("Retry-After", Math.max(1, wait.toSeconds())).build())
                .orElse(response);
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
