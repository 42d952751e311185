package ua.igov.platform.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

/**
 * {@code OPTIONS} is answered {@code 204} with {@code Allow} and no body. Jersey's own answer is a body of the
 * methods as plain text, or an empty body labelled with whatever type the client accepted ({@code application/json}
 * with nothing in it, which no JSON parser reads): the API answers JSON or nothing.
 */
final class OptionsAnswerFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("OPTIONS".equals(request.getMethod()) && response.getStatus() == 200) {
            response.setEntity(null);
            response.setStatus(204);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
