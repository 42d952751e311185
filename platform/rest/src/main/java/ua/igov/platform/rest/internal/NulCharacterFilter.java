package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.Map;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;

/**
 * Refuses a path or query parameter with a NUL character in it ({@code %00}). No database stores one in text
 * (PostgreSQL refuses it), so a lookup with it would fail as the database's trouble: a 503 saying "try again", which
 * never helps. Bodies are checked where they are read.
 */
@PreMatching
final class NulCharacterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath(true).indexOf('\u0000') >= 0) {
            throw refused("path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            if (parameter.getKey().indexOf('\u0000') >= 0
                    || parameter.getValue().stream().anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                throw refused(parameter.getKey().replace("\u0000", "%00"));
            }
        }
    }

    private static ProblemException refused(String where) {
        return new ProblemException(400, "invalid-query", "Invalid query",
                "The " + ("path".equals(where) ? "path" : "parameter " + where) + " has a NUL character (%00) in it.",
                List.of(new FieldProblem(where, "must not contain the NUL character (%00)")));
    }
}
