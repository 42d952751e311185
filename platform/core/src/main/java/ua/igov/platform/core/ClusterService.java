package ua.igov.platform.core;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The nodes serving one database, and the plugins on them. An operator decides about a plugin once, on any node;
 * the decision is kept in the database and every node converges to it, including nodes started later.
 */
public interface ClusterService {

    /**
     * Whether a feature is a plugin, decided about for every node: a region ({@code igov-region-*}), a service type
     * ({@code igov-service-*}), an identity provider ({@code igov-identity-*}) or a notification channel
     * ({@code igov-channel-*}).
     */
    static boolean isPluginFeature(String feature) {
        return feature != null && (feature.startsWith("igov-region-") || feature.startsWith("igov-service-")
                || feature.startsWith("igov-identity-") || feature.startsWith("igov-channel-"));
    }

    /** This node's id (configuration PID {@code ua.igov.platform.node}, property {@code id}). */
    String nodeId();

    /**
     * An operator's decision about a plugin, taken once for every node: runs {@code localChange} (installing, updating
     * or removing the feature on this node), then records what this node now has of the feature (that version, or
     * removed) as what every node must have. The other nodes follow at their next heartbeat, nodes started later at
     * their first. If the local change throws, nothing is recorded, so a mistake never reaches the other nodes. This
     * node does not reconcile while the change runs.
     *
     * @return what {@code localChange} returned
     * @throws ProblemException 422 {@code plugin-not-applied} when the local change failed with a checked exception;
     *                          runtime exceptions pass through as they are
     */
    <T> T decide(String feature, String operator, Callable<T> localChange);

    /** Every node with its last heartbeat, and every plugin as each node last reported it. */
    ClusterView view();

    /** What the cluster looks like from the database. */
    record ClusterView(List<NodeView> nodes, List<PluginOnNode> plugins) {
    }

    /**
     * The settings that must be alike on every node (the core's, the working calendar, sign-in, the escalation rules,
     * the staff realm) but that the live nodes read differently: an {@code etc/} file edited on some nodes and not
     * on the others. Empty when they all agree, or when only one node is alive.
     */
    List<SettingDifference> settingDifferences();

    /**
     * One setting the live nodes read differently.
     *
     * @param setting what it is, e.g. {@code etc/ua.igov.platform.calendar.cfg}
     * @param alike   the live nodes in groups that read the same, largest group first
     */
    record SettingDifference(String setting, List<List<String>> alike) {
        public SettingDifference {
            alike = alike.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A node as its heartbeat shows it.
     *
     * @param alive its last heartbeat is at most three of this node's heartbeat intervals old
     */
    record NodeView(String nodeId, Instant startedAt, Instant heartbeatAt, boolean alive) {
    }

    /**
     * One plugin feature on one node.
     *
     * @param desired   the operator's decision: a version, {@code any} version, {@code removed}, or null when the
     *                  operator never decided about it (it came with the assembly)
     * @param installed the version installed on that node, or null
     * @param problem   why that node could not follow the decision, or null
     * @param since     since when the node reports this state
     * @param converged whether the node has what was decided (true when nothing was decided)
     */
    record PluginOnNode(String node, String feature, String desired, String installed, String problem, Instant since,
                        boolean converged) {
    }
}
