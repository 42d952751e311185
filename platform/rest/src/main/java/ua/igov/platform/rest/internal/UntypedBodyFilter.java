package ua.igov.platform.rest.internal;

import javax.ws.rs.NotSupportedException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * A body sent with no {@code Content-Type} to an endpoint that takes one type only (applying, the development sign-in)
 * is {@code 415}, as one of another type is: Jersey takes a missing type for any, so such a body was read as JSON
 * although the docs promise 415 for anything not sent as {@code application/json}.
 */
final class UntypedBodyFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null || !request.hasEntity()
                || !(request.getUriInfo() instanceof ExtendedUriInfo matched)) {
            return;
        }
        ResourceMethod method = matched.getMatchedResourceMethod();
        if (method != null && !method.getConsumedTypes().isEmpty()
                && method.getConsumedTypes().stream().noneMatch(MediaType::isWildcardType)) {
            throw new NotSupportedException(); // answered by the mapper, naming the types the address takes
        }
    }
}
