package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;

/**
 * Refuses a query parameter given twice where the endpoint takes one value. Jersey would quietly use the first:
 * {@code ?status=online&status=in_work} on the catalogue would search online offerings only, while the same habit on
 * the officials' queue means "either status", so a client could not tell it was half ignored.
 */
@PreMatching
final class RepeatedParameterFilter implements ContainerRequestFilter {

    /** The one parameter an endpoint takes more than once: the statuses of the officials' queue. */
    private static final String QUEUE = "officials/queue";
    private static final String REPEATABLE_IN_QUEUE = "status";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        boolean queue = path.equals(QUEUE) || path.equals("/" + QUEUE);
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (parameter.getValue().size() > 1 && !(queue && parameter.getKey().equals(REPEATABLE_IN_QUEUE))) {
                String name = parameter.getKey().length() <= 64 ? parameter.getKey() : parameter.getKey().substring(0, 64);
                throw new ProblemException(400, "invalid-query", "Invalid query",
                        "The parameter " + name + " is given " + parameter.getValue().size() + " times; it takes one value.",
                        List.of(new FieldProblem(name, "give it once")));
            }
        }
    }
}
