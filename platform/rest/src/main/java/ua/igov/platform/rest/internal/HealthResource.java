package ua.igov.platform.rest.internal;

import java.time.Duration;
import java.time.Instant;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import ua.igov.platform.core.PluginRegistry;

/** Liveness for load balancers and the benchmarks' baseline: cheap on purpose, it touches no database. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public final class HealthResource {

    private final PluginRegistry registry;

    public HealthResource(PluginRegistry registry) {
        this.registry = registry;
    }

    /** The node's state: up, since when, and how many plugins of each kind it serves. */
    public record Health(String status, long uptimeSeconds, int plugins, long regions, long services) {
    }

    @GET
    public Health health() {
        PluginRegistry.PluginCounts counts = registry.counts();
        long uptime = Duration.between(registry.startedAt(), Instant.now()).toSeconds();
        return new Health("UP", uptime, counts.regions() + counts.services(), counts.regions(), counts.services());
    }
}
