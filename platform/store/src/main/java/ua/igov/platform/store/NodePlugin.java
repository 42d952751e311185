package ua.igov.platform.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One plugin feature on one node, as that node last reported it.
 *
 * @param installedVersion the installed feature version, or null when it is not installed there
 * @param problem          why the node could not do what was desired, or null
 * @param since            when the node first reported this state
 */
public record NodePlugin(String nodeId, String feature, String installedVersion, String problem, Instant since) {

    public NodePlugin {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(since, "since");
    }

    /** Whether both say the same about the plugin (version and problem), whenever they were reported. */
    public boolean sameStateAs(NodePlugin other) {
        return Objects.equals(installedVersion, other.installedVersion) && Objects.equals(problem, other.problem);
    }
}
