package ua.igov.platform.core;

import java.time.Instant;
import java.util.List;

/** What plugins this node is serving right now. */
public interface PluginRegistry {

    List<PluginInfo> plugins();

    /** When this node's registry started, for uptime. */
    Instant startedAt();
}
