package ua.igov.platform.core;

import java.time.Instant;
import java.util.List;

/**
 * The nodes serving one database, and the plugins on them. An operator decides about a plugin once, on any node;
 * the decision is kept in the database and every node converges to it, including nodes started later.
 */
public interface ClusterService {

    /** This node's id (configuration PID {@code ua.igov.platform.node}, property {@code id}). */
    String nodeId();

    /**
     * Applies the operator's decision on this node at once and, if that worked, records it for every node (which
     * follow within their heartbeat interval). If it fails here, nothing is recorded.
     *
     * @param version   a feature version, or null for whichever version this runtime offers
     * @param installed true to have the plugin on every node, false to remove it from every node
     * @return the plugin's state on this node afterwards
     * @throws ProblemException 422 {@code plugin-not-applied} when this node could not apply it
     */
    PluginOnNode decide(String feature, String version, boolean installed, String operator);

    /** Every node with its last heartbeat, and every plugin as each node last reported it. */
    ClusterView view();

    /** What the cluster looks like from the database. */
    record ClusterView(List<NodeView> nodes, List<PluginOnNode> plugins) {
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
