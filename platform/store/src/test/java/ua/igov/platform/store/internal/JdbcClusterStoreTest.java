package ua.igov.platform.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ua.igov.platform.store.DesiredPlugin;
import ua.igov.platform.store.NodePlugin;
import ua.igov.platform.store.NodeRecord;

class JdbcClusterStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant T1 = Instant.parse("2026-11-25T10:00:05Z");
    private static final Instant T2 = Instant.parse("2026-11-25T10:00:10Z");

    private JdbcClusterStore cluster;
    private MigratedDatabase database;

    @BeforeEach
    void setUp() {
        database = TestDatabases.fresh();
        cluster = new JdbcClusterStore(database);
    }

    @Test
    void aHeartbeatCreatesTheNodeThenMovesItsTimeAndTellsWhoBeatBefore() {
        assertNull(cluster.heartbeat("node-a", "i1", T0, T0, 5), "a node never seen");
        NodeRecord before = cluster.heartbeat("node-a", "i1", T0, T1, 5);
        assertEquals(new NodeRecord("node-a", "i1", T0, T0, 5), before);
        cluster.heartbeat("node-b", "i2", T1, T1, 30); // a node set to beat less often

        NodeRecord restarted = cluster.heartbeat("node-a", "i3", T2, T2, 5);
        assertEquals("i1", restarted.instanceId(), "the previous process of that node id");
        assertEquals(List.of(new NodeRecord("node-a", "i3", T2, T2, 5), new NodeRecord("node-b", "i2", T1, T1, 30)), cluster.nodes());
    }

    @Test
    void aNodesSettingsAreReplacedWholeAndEveryNodesAreRead() {
        cluster.recordNodeSettings("node-a", List.of(new ua.igov.platform.store.NodeSetting("node-a", "calendar", "aa", T0),
                new ua.igov.platform.store.NodeSetting("node-a", "core", "bb", T0)));
        cluster.recordNodeSettings("node-b", List.of(new ua.igov.platform.store.NodeSetting("node-b", "calendar", "cc", T1)));
        cluster.recordNodeSettings("node-a", List.of(new ua.igov.platform.store.NodeSetting("node-a", "calendar", "dd", T2)));
        assertEquals(List.of(new ua.igov.platform.store.NodeSetting("node-a", "calendar", "dd", T2),
                new ua.igov.platform.store.NodeSetting("node-b", "calendar", "cc", T1)), cluster.nodeSettings(),
                "node-a's core setting, no longer reported, is gone; node-b's row is untouched");
        cluster.recordNodeSettings("node-b", List.of());
        assertEquals(1, cluster.nodeSettings().size());
    }

    @Test
    void theLastWishForAPluginWins() {
        cluster.desire(new DesiredPlugin("igov-region-lviv", null, false, "operator", T0));
        cluster.desire(new DesiredPlugin("igov-service-x", "1.2.0", true, "operator", T0));
        cluster.desire(new DesiredPlugin("igov-region-lviv", null, true, "console", T1));

        List<DesiredPlugin> wishes = cluster.desiredPlugins();
        assertEquals(List.of(new DesiredPlugin("igov-region-lviv", null, true, "console", T1),
                new DesiredPlugin("igov-service-x", "1.2.0", true, "operator", T0)), wishes);
        // each decision is on the audit trail, by whoever took it
        assertEquals(List.of("operator igov-region-lviv removed", "operator igov-service-x installed, version 1.2.0",
                "console igov-region-lviv installed"), database.jdbc().read("read the audit trail", c -> {
                    List<String> lines = new java.util.ArrayList<>();
                    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT actor, detail FROM audit_log "
                            + "WHERE action = 'decide-plugin' ORDER BY occurred_at, detail")) {
                        while (rs.next()) {
                            lines.add(rs.getString(1) + " " + rs.getString(2));
                        }
                    }
                    return lines;
                }));
        assertTrue(new JdbcApplicationStore(database).verifyAudit().intact());
    }

    /** A decision replaces the one its operator's node read, or none: never one stored meanwhile by another node. */
    @Test
    void aDecisionReplacesOnlyTheOneItsNodeSaw() {
        // a time finer than PostgreSQL keeps (microseconds): the decision is compared as it was read back
        DesiredPlugin first = new DesiredPlugin("igov-region-lviv", null, false, "staff:olha", T0.plusNanos(123_456_789));
        assertTrue(cluster.desire(first, null), "none before");
        assertFalse(cluster.desire(new DesiredPlugin("igov-region-lviv", "0.1.0", true, "staff:petro", T1), null),
                "petro's node saw none, but olha's is stored now");
        DesiredPlugin stored = cluster.desiredPlugins().get(0);
        assertEquals(first.changedBy(), stored.changedBy());
        assertTrue(cluster.desire(new DesiredPlugin("igov-region-lviv", "0.1.0", true, "staff:petro", T1), stored));
        assertFalse(cluster.desire(new DesiredPlugin("igov-region-lviv", null, false, "staff:olha", T2), stored),
                "olha's node read her decision, replaced since");
        assertEquals("staff:petro", cluster.desiredPlugins().get(0).changedBy());
    }

    @Test
    void aNodesPluginStatesAreReplacedKeepingTheTimeOfWhatDidNotChange() {
        cluster.recordNodePlugins("node-a", List.of(
                new NodePlugin("node-a", "igov-region-lviv", "0.1.0", null, T0),
                new NodePlugin("node-a", "igov-service-x", null, null, T0)));
        cluster.recordNodePlugins("node-b", List.of(new NodePlugin("node-b", "igov-region-lviv", null, null, T0)));

        cluster.recordNodePlugins("node-a", List.of(
                new NodePlugin("node-a", "igov-region-lviv", "0.1.0", null, T2),
                new NodePlugin("node-a", "igov-service-y", null, "no feature igov-service-y", T2)));

        List<NodePlugin> all = cluster.nodePlugins();
        assertEquals(List.of(
                new NodePlugin("node-a", "igov-region-lviv", "0.1.0", null, T0),
                new NodePlugin("node-a", "igov-service-y", null, "no feature igov-service-y", T2),
                new NodePlugin("node-b", "igov-region-lviv", null, null, T0)), all,
                "unchanged keeps its time, new is added, the one no longer reported is gone, other nodes untouched");
        assertTrue(all.get(0).sameStateAs(new NodePlugin("node-a", "igov-region-lviv", "0.1.0", null, T2)));
        assertFalse(all.get(0).sameStateAs(all.get(2)));
    }
}
