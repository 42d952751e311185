package ua.igov.platform.core;

import java.time.Instant;
import java.util.List;

/** What plugins this node is serving right now. */
public interface PluginRegistry {

    List<PluginInfo> plugins();

    /** How many regions and service types this node serves; cheap, for health checks. */
    PluginCounts counts();

    /** Numbers of plugins by kind. */
    record PluginCounts(int regions, int services) {
    }

    /** When this node's registry started, for uptime. */
    Instant startedAt();
}
