package ua.igov.platform.store;

import java.time.Instant;
import java.util.List;

/**
 * What several nodes serving one database share about themselves: who is alive (a heartbeat row per node), which
 * plugins the operator wants on every node, and what each node has actually installed.
 */
public interface ClusterStore {

    /**
     * Writes this node's heartbeat, with how often it beats, creating its row on the first beat.
     *
     * @return the row as it was before this beat, or null for a node never seen; a different {@code instanceId}
     *         with a recent heartbeat means another running process uses the same node id
     */
    NodeRecord heartbeat(String nodeId, String instanceId, Instant startedAt, Instant now, int heartbeatSeconds);

    /** Every node that ever beat, by node id. */
    List<NodeRecord> nodes();

    /**
     * Records (or replaces) the operator's wish for one plugin feature, with an audit entry in the same transaction
     * (action {@code decide-plugin}, by {@link DesiredPlugin#changedBy()}).
     */
    void desire(DesiredPlugin plugin);

    /**
     * Records the operator's wish as {@link #desire(DesiredPlugin)} does, only if the decision stored for that feature
     * is still {@code seen} (the one read before the change; {@code null} for none): two operators deciding about one
     * plugin on two nodes at once cannot both succeed, the later unaware of the earlier.
     *
     * @return false, writing nothing, if another decision was stored since
     */
    boolean desire(DesiredPlugin plugin, DesiredPlugin seen);

    /** Every plugin feature the operator has decided about, by feature name. */
    List<DesiredPlugin> desiredPlugins();

    /**
     * Makes the recorded plugin state of one node equal to {@code states}, in one transaction: rows that did not
     * change keep their {@code since}.
     */
    void recordNodePlugins(String nodeId, List<NodePlugin> states);

    /** What every node reported, by node and feature. */
    List<NodePlugin> nodePlugins();

    /** Makes the recorded settings of one node exactly {@code settings}, in one transaction. */
    void recordNodeSettings(String nodeId, List<NodeSetting> settings);

    /** What every node last read, by node and setting. */
    List<NodeSetting> nodeSettings();
}
