package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

/**
 * What Jersey itself refuses (no such path, wrong method or media type, a query parameter that is not a number),
 * answered as problem details too instead of Jetty's HTML pages.
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Map<Integer, String[]> KNOWN = Map.of(
            400, new String[] {"bad-request", "Bad request", "The request is malformed."},
            404, new String[] {"no-such-resource", "No such resource", "There is nothing at this address. The API lives under /api: see docs/rest-api.md."},
            405, new String[] {"method-not-allowed", "Method not allowed", "This address does not support that HTTP method."},
            406, new String[] {"not-acceptable", "Not acceptable", "This address answers in application/json only."},
            413, new String[] {"too-large", "Request too large", "The request body is too large."},
            415, new String[] {"unsupported-media-type", "Unsupported media type", "Send the body as application/json."});

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String[] known = KNOWN.getOrDefault(status, new String[] {"http-" + status, "HTTP " + status, "The request could not be served."});
        Response response = ProblemResponses.of(status, known[0], known[1], known[2], uri, List.of());
        if (status == 405) {
            return Response.fromResponse(response).allow(exception.getResponse().getAllowedMethods()).build();
        }
        return response;
    }
}
