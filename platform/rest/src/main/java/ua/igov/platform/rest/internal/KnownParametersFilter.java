package ua.igov.platform.rest.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.FieldProblem;

/**
 * A query parameter the endpoint does not take is {@code 400}, naming it and the ones it takes. Jersey ignores such a
 * parameter, so {@code /api/catalogue?regoin=lviv} answered every region's offerings and
 * {@code /api/officials/queue?escalate=true} the whole queue, and the caller could not tell: the same reason
 * unknown body fields are refused. It runs before the credentials are checked, as the other refusals every endpoint
 * makes alike: a misspelt parameter is not a wrong password counted against the account.
 */
@javax.annotation.Priority(javax.ws.rs.Priorities.AUTHENTICATION - 100) // before the credentials are looked at
final class KnownParametersFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getUriInfo() instanceof ExtendedUriInfo matched)) {
            return;
        }
        ResourceMethod method = matched.getMatchedResourceMethod();
        if (method == null || method.getInvocable().getHandlingMethod().getDeclaringClass().getName()
                .startsWith("org.glassfish.jersey")) {
            return; // Jersey's own answers (OPTIONS)
        }
        Set<String> known = new TreeSet<>();
        for (Parameter parameter : method.getInvocable().getParameters()) {
            if (parameter.getSource() == Parameter.Source.QUERY) {
                known.add(parameter.getSourceName());
            }
        }
        for (String name : request.getUriInfo().getQueryParameters(true).keySet()) {
            if (!known.contains(name)) {
                String shown = name.length() <= 64 ? name : name.substring(0, 64) + "…";
                String takes = known.isEmpty() ? "it takes none" : "it takes " + String.join(", ", known);
                throw new ProblemException(400, "invalid-query", "Invalid query",
                        "The parameter '" + shown + "' is not one this address takes; " + takes + ".",
                        List.of(new FieldProblem(shown, "unknown parameter; " + takes)));
            }
        }
    }
}
