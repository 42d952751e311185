package ua.igov.platform.rest.internal;

import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import ua.igov.platform.core.ProblemException;

/** The platform's own problems, as problem details. */
final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ProblemException problem) {
        return ProblemResponses.of(problem, uri);
    }
}
