package ua.igov.platform.rest.internal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;

/**
 * Names the node that answered in every response ({@code X-Igov-Node}), so behind a load balancer an operator (and
 * the cluster test) can tell which node served a request.
 */
final class NodeHeaderFilter implements ContainerResponseFilter {

    static final String HEADER = "X-Igov-Node";

    private final java.util.function.Supplier<String> nodeId;

    /** @param nodeId this node's id now; null while not known (no header then) */
    NodeHeaderFilter(java.util.function.Supplier<String> nodeId) {
        this.nodeId = nodeId;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = nodeId.get();
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
