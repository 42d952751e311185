package ua.igov.platform.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

/**
 * A JSON answer says {@code application/json} (or {@code application/problem+json}) and nothing more. Jersey copies
 * the parameters of the type the client accepted into the answer's type, so {@code Accept:
 * application/json;charset=windows-1251} got an answer labelled windows-1251 whose bytes are UTF-8, as JSON's always
 * are: a client decoding by the label showed the citizen's name garbled.
 */
final class JsonTypeFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && !type.getParameters().isEmpty() && "application".equals(type.getType())
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, new MediaType(type.getType(), type.getSubtype()));
        }
    }
}
