package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;

/**
 * Refuses, before any endpoint runs, what Jersey would otherwise pass on to be misread:
 * <ul>
 * <li>a NUL character ({@code %00}) in the path or a query parameter. No database stores one in text (PostgreSQL
 * refuses it), so a lookup with it would fail as the database's trouble: a 503 saying "try again", which never helps.
 * Bodies are checked where they are read;</li>
 * <li>a query parameter given twice where the endpoint takes one value. Jersey would quietly use the first:
 * {@code ?status=online&status=in_work} on the catalogue would search online offerings only, while the same habit on
 * the officials' queue means "either status", so a client could not tell it was half ignored.</li>
 * </ul>
 */
@PreMatching
final class QueryParameterFilter implements ContainerRequestFilter {

    /** The one parameter an endpoint takes more than once: the statuses of the officials' queue. */
    private static final String QUEUE = "officials/queue";
    private static final String REPEATABLE_IN_QUEUE = "status";

    /** Jersey routes {@code officials/queue/} (and {@code /officials/queue}) to the queue as well. */
    private static boolean isQueue(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return end - start == QUEUE.length() && path.startsWith(QUEUE, start);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (path.indexOf('\u0000') >= 0) {
            throw invalid("path", "The path has a NUL character (%00) in it.", "must not contain the NUL character (%00)");
        }
        boolean queue = isQueue(path);
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String name = parameter.getKey().replace("\u0000", "%00");
            name = name.length() <= 64 ? name : name.substring(0, 64);
            List<String> values = parameter.getValue();
            if (name.contains("%00") || values.stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                throw invalid(name, "The parameter " + name + " has a NUL character (%00) in it.",
                        "must not contain the NUL character (%00)");
            }
            if (values.size() > 1 && !(queue && name.equals(REPEATABLE_IN_QUEUE))) {
                throw invalid(name, "The parameter " + name + " is given " + values.size() + " times; it takes one value.",
                        "give it once");
            }
        }
    }

    private static ProblemException invalid(String field, String detail, String why) {
        return new ProblemException(400, "invalid-query", "Invalid query", detail, List.of(new FieldProblem(field, why)));
    }
}
