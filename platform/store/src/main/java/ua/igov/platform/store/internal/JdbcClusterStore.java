package ua.igov.platform.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import ua.igov.platform.store.ClusterStore;
import ua.igov.platform.store.DesiredPlugin;
import ua.igov.platform.store.NodePlugin;
import ua.igov.platform.store.NodeSetting;
import ua.igov.platform.store.NodeRecord;

/** Nodes, their heartbeats and the plugins wanted on them and installed on them, on the platform's database. */
@Component(service = ClusterStore.class)
public class JdbcClusterStore implements ClusterStore {

    private static final String INSTALLED = "installed";
    private static final String REMOVED = "removed";

    private final Jdbc jdbc;
    private final SqlDialect dialect;

    @Activate
    public JdbcClusterStore(@Reference Database database) {
        this.jdbc = database.jdbc();
        this.dialect = database.dialect();
    }

    @Override
    public NodeRecord heartbeat(String nodeId, String instanceId, Instant startedAt, Instant now, int heartbeatSeconds) {
        return jdbc.inTransaction("write the heartbeat of node " + nodeId, c -> {
            NodeRecord before = node(c, nodeId);
            if (before == null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO cluster_node (node_id, instance_id, started_at, heartbeat_at, heartbeat_seconds) "
                                + "VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, nodeId);
                    ps.setString(2, instanceId);
                    ps.setTimestamp(3, Jdbc.timestamp(startedAt), Jdbc.UTC.get());
                    ps.setTimestamp(4, Jdbc.timestamp(now), Jdbc.UTC.get());
                    ps.setInt(5, heartbeatSeconds);
                    ps.executeUpdate();
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE cluster_node SET instance_id = ?, started_at = ?, heartbeat_at = ?, heartbeat_seconds = ? "
                                + "WHERE node_id = ?")) {
                    ps.setString(1, instanceId);
                    ps.setTimestamp(2, Jdbc.timestamp(startedAt), Jdbc.UTC.get());
                    ps.setTimestamp(3, Jdbc.timestamp(now), Jdbc.UTC.get());
                    ps.setInt(4, heartbeatSeconds);
                    ps.setString(5, nodeId);
                    ps.executeUpdate();
                }
            }
            return before;
        });
    }

    private static NodeRecord node(Connection c, String nodeId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT node_id, instance_id, started_at, heartbeat_at, heartbeat_seconds FROM cluster_node WHERE node_id = ?")) {
            ps.setString(1, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? nodeRecord(rs) : null;
            }
        }
    }

    private static NodeRecord nodeRecord(ResultSet rs) throws SQLException {
        return new NodeRecord(rs.getString(1), rs.getString(2), Jdbc.instant(rs.getTimestamp(3, Jdbc.UTC.get())),
                Jdbc.instant(rs.getTimestamp(4, Jdbc.UTC.get())), rs.getInt(5));
    }

    @Override
    public List<NodeRecord> nodes() {
        return jdbc.read("read the nodes", c -> {
            List<NodeRecord> nodes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT node_id, instance_id, started_at, heartbeat_at, heartbeat_seconds FROM cluster_node ORDER BY node_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(nodeRecord(rs));
                }
            }
            return nodes;
        });
    }

    @Override
    public void desire(DesiredPlugin plugin) {
        jdbc.inTransaction("record the wish for plugin " + plugin.feature(), c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE desired_plugin SET version = ?, state = ?, changed_by = ?, changed_at = ? WHERE feature = ?")) {
                bindWish(ps, plugin);
                ps.setString(5, plugin.feature());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO desired_plugin (version, state, changed_by, changed_at, feature) VALUES (?, ?, ?, ?, ?)")) {
                    bindWish(ps, plugin);
                    ps.setString(5, plugin.feature());
                    ps.executeUpdate();
                }
            }
            audit(c, plugin);
            return null;
        });
    }

    @Override
    public boolean desire(DesiredPlugin plugin, DesiredPlugin seen) {
        try {
            return jdbc.inTransaction("record the wish for plugin " + plugin.feature(), c -> {
                if (seen == null) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO desired_plugin "
                            + "(version, state, changed_by, changed_at, feature) VALUES (?, ?, ?, ?, ?)")) {
                        bindWish(ps, plugin);
                        ps.setString(5, plugin.feature());
                        ps.executeUpdate(); // a decision stored meanwhile: the primary key refuses this one
                    }
                } else {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE desired_plugin SET version = ?, state = ?, "
                            + "changed_by = ?, changed_at = ? WHERE feature = ? AND changed_at = ? AND changed_by = ?")) {
                        bindWish(ps, plugin);
                        ps.setString(5, plugin.feature());
                        ps.setTimestamp(6, Jdbc.timestamp(seen.changedAt()), Jdbc.UTC.get());
                        ps.setString(7, seen.changedBy());
                        if (ps.executeUpdate() == 0) {
                            return false;
                        }
                    }
                }
                audit(c, plugin);
                return true;
            });
        } catch (ua.igov.platform.store.StoreException e) {
            if (e.getCause() instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    private void audit(java.sql.Connection c, DesiredPlugin plugin) throws SQLException {
        AuditChain.append(c, dialect, new ua.igov.platform.store.AuditEntry(plugin.changedAt(), plugin.changedBy(),
                "decide-plugin", null, plugin.feature() + (plugin.installed()
                        ? " installed" + (plugin.version() == null ? "" : ", version " + plugin.version())
                        : " removed")));
    }

    private static void bindWish(PreparedStatement ps, DesiredPlugin plugin) throws SQLException {
        ps.setString(1, plugin.version());
        ps.setString(2, plugin.installed() ? INSTALLED : REMOVED);
        ps.setString(3, plugin.changedBy());
        ps.setTimestamp(4, Jdbc.timestamp(plugin.changedAt()), Jdbc.UTC.get());
    }

    @Override
    public List<DesiredPlugin> desiredPlugins() {
        return jdbc.read("read the desired plugins", c -> {
            List<DesiredPlugin> plugins = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT feature, version, state, changed_by, changed_at FROM desired_plugin ORDER BY feature");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plugins.add(new DesiredPlugin(rs.getString(1), rs.getString(2), INSTALLED.equals(rs.getString(3)),
                            rs.getString(4), Jdbc.instant(rs.getTimestamp(5, Jdbc.UTC.get()))));
                }
            }
            return plugins;
        });
    }

    @Override
    public void recordNodePlugins(String nodeId, List<NodePlugin> states) {
        jdbc.inTransaction("record the plugins of node " + nodeId, c -> {
            Map<String, NodePlugin> recorded = new LinkedHashMap<>();
            for (NodePlugin p : nodePlugins(c, nodeId)) {
                recorded.put(p.feature(), p);
            }
            for (NodePlugin now : states) {
                NodePlugin before = recorded.remove(now.feature());
                if (before == null) {
                    writeNodePlugin(c, "INSERT INTO node_plugin (installed_version, problem, since, node_id, feature) "
                            + "VALUES (?, ?, ?, ?, ?)", now);
                } else if (!before.sameStateAs(now)) {
                    writeNodePlugin(c, "UPDATE node_plugin SET installed_version = ?, problem = ?, since = ? "
                            + "WHERE node_id = ? AND feature = ?", now);
                }
            }
            for (NodePlugin gone : recorded.values()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM node_plugin WHERE node_id = ? AND feature = ?")) {
                    ps.setString(1, nodeId);
                    ps.setString(2, gone.feature());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void writeNodePlugin(Connection c, String sql, NodePlugin p) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, p.installedVersion());
            ps.setString(2, p.problem() == null || p.problem().length() <= 2000 ? p.problem() : p.problem().substring(0, 2000));
            ps.setTimestamp(3, Jdbc.timestamp(p.since()), Jdbc.UTC.get());
            ps.setString(4, p.nodeId());
            ps.setString(5, p.feature());
            ps.executeUpdate();
        }
    }

    @Override
    public List<NodePlugin> nodePlugins() {
        return jdbc.read("read the plugins of every node", c -> nodePlugins(c, null));
    }

    private static List<NodePlugin> nodePlugins(Connection c, String nodeId) throws SQLException {
        String sql = "SELECT node_id, feature, installed_version, problem, since FROM node_plugin"
                + (nodeId == null ? "" : " WHERE node_id = ?") + " ORDER BY node_id, feature";
        List<NodePlugin> plugins = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (nodeId != null) {
                ps.setString(1, nodeId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plugins.add(new NodePlugin(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Jdbc.instant(rs.getTimestamp(5, Jdbc.UTC.get()))));
                }
            }
        }
        return plugins;
    }

    @Override
    public void recordNodeSettings(String nodeId, List<NodeSetting> settings) {
        jdbc.inTransaction("record the settings of node " + nodeId, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM node_setting WHERE node_id = ?")) {
                ps.setString(1, nodeId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO node_setting (node_id, setting, fingerprint, "
                    + "read_at) VALUES (?, ?, ?, ?)")) {
                for (NodeSetting setting : settings) {
                    ps.setString(1, nodeId);
                    ps.setString(2, setting.setting());
                    ps.setString(3, setting.fingerprint());
                    ps.setTimestamp(4, Jdbc.timestamp(setting.readAt()), Jdbc.UTC.get());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<NodeSetting> nodeSettings() {
        return jdbc.read("read the settings of every node", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT node_id, setting, fingerprint, read_at FROM node_setting "
                    + "ORDER BY node_id, setting" + Jdbc.FIRST_ROWS)) {
                return Jdbc.rows(ps, 1, 100_000, rs -> new NodeSetting(rs.getString(1), rs.getString(2), rs.getString(3),
                        Jdbc.instant(rs.getTimestamp(4, Jdbc.UTC.get()))));
            }
        });
    }
}
