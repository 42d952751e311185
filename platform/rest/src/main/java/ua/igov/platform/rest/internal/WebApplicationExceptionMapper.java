package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;

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
    @Context
    private ExtendedUriInfo matched;
    @Context
    private Request request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        String[] known = KNOWN.getOrDefault(status, new String[] {"http-" + status, "HTTP " + status, "The request could not be served."});
        String detail = known[2];
        if (status == 406 || status == 415) {
            // what this address really answers in or takes (the open data also answers in CSV), not a guess
            String types = typesHere(status == 406);
            if (!types.isEmpty()) {
                detail = status == 406
                        ? "This address answers in " + types + " only: ask for it in the Accept header, or send none."
                        : "Send the body as " + types + ".";
            }
        }
        Response response = ProblemResponses.of(status, known[0], known[1], detail, uri, List.of());
        if (status == 405) {
            return Response.fromResponse(response).allow(exception.getResponse().getAllowedMethods()).build();
        }
        return response;
    }

    /** The media types the methods at the matched address produce (or consume) for this request's method. */
    private String typesHere(boolean produced) {
        if (matched == null || request == null) {
            return "";
        }
        List<RuntimeResource> resources = matched.getMatchedRuntimeResources();
        if (resources.isEmpty()) {
            return "";
        }
        String httpMethod = "HEAD".equalsIgnoreCase(request.getMethod()) ? "GET" : request.getMethod();
        Set<String> types = new TreeSet<>();
        // the first is the address itself; the others are the resources above it, whose methods do not answer here
        for (ResourceMethod method : resources.get(0).getResourceMethods()) {
            if (method.getHttpMethod().equalsIgnoreCase(httpMethod)) {
                (produced ? method.getProducedTypes() : method.getConsumedTypes()).stream()
                        .filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
                        .forEach(type -> types.add(type.getType() + "/" + type.getSubtype()));
            }
        }
        return String.join(" or ", types);
    }
}
