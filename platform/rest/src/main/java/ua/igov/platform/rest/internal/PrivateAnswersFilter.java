package ua.igov.platform.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

/**
 * An answer to a signed-in caller (an application with its form and contacts, a citizen's list, unmasked comments
 * for operators) is kept by no cache: not a shared one, and not the browser's on a computer in a library or a
 * service centre where the next person sits down after the citizen. Answers that set their own policy keep it.
 */
final class PrivateAnswersFilter implements ContainerResponseFilter {

    static final String NO_STORE = "no-store";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return;
        }
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, NO_STORE);
        }
        response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
    }
}
