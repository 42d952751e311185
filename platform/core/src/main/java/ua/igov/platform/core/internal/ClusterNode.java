package ua.igov.platform.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Version;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.ClusterService;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.store.ClusterStore;
import ua.igov.platform.store.DesiredPlugin;
import ua.igov.platform.store.NodePlugin;
import ua.igov.platform.store.NodeSetting;
import ua.igov.platform.store.NodeRecord;

/**
 * This node among the nodes that share the database. Every {@code heartbeatSeconds} it writes its heartbeat and
 * brings its plugins to what the operator decided (the {@code desired_plugin} table), so a decision taken on one
 * node reaches every node, and a node started later catches up on its first beat. Polling a small table is enough:
 * plugin decisions are rare, and it works the same on every database.
 */
@Component(service = ClusterService.class, configurationPid = "ua.igov.platform.node",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true)
@Designate(ocd = ClusterNode.Config.class)
public class ClusterNode implements ClusterService {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** A node whose heartbeat is older than this many intervals counts as gone. */
    static final int MISSED_BEATS = 3;

    @ObjectClassDefinition(name = "iGov node", description = "This node among the nodes sharing one database")
    public @interface Config {
        @AttributeDefinition(description = "This node's id, unique among the nodes on one database; blank: the host name")
        String id() default "";

        @AttributeDefinition(description = "Seconds between heartbeats; each beat also applies the operator's plugin decisions")
        int heartbeatSeconds() default 5;
    }

    private final ClusterStore store;
    private final FeatureInstaller features;
    private final PluginReconciler reconciler;
    private final String nodeId;
    private final String instanceId = UUID.randomUUID().toString();
    private final Duration heartbeat;
    private final Clock clock;
    private final Instant startedAt;
    /** The heartbeat alone, so that installing a plugin (it can take a minute) never delays it. */
    private final ScheduledExecutorService beats;
    /** Bringing the plugins to the operators' decisions, on its own thread. */
    private final ScheduledExecutorService reconciling;
    private final java.util.function.Supplier<Map<String, String>> sharedSettings;
    /** What this node last recorded of its shared settings; written again only when it changes. */
    private Map<String, String> settingsRecorded;
    private boolean beaten;
    /** Guards the heartbeat row's bookkeeping ({@link #beaten}, {@link #settingsRecorded}). */
    private final Object heartbeatLock = new Object();
    /** One plugin change at a time on this node: an operator's decision, or a beat's reconciliation. */
    private final java.util.concurrent.locks.ReentrantLock pluginChanges = new java.util.concurrent.locks.ReentrantLock();

    @Activate
    public ClusterNode(@Reference ClusterStore store, @Reference ConfigurationAdmin configurations,
                       @Reference StaffAccounts accounts, Config config) {
        this(store, new KarafFeatureInstaller(), nodeId(config.id()), Duration.ofSeconds(Math.max(1, config.heartbeatSeconds())),
                Clock.systemUTC(), true, new SharedSettings(configurations, accounts)::read);
    }

    ClusterNode(ClusterStore store, FeatureInstaller features, String nodeId, Duration heartbeat, Clock clock, boolean scheduled) {
        this(store, features, nodeId, heartbeat, clock, scheduled, Map::of);
    }

    ClusterNode(ClusterStore store, FeatureInstaller features, String nodeId, Duration heartbeat, Clock clock,
                boolean scheduled, java.util.function.Supplier<Map<String, String>> sharedSettings) {
        this.sharedSettings = sharedSettings;
        this.store = store;
        this.features = features;
        this.nodeId = nodeId;
        this.reconciler = new PluginReconciler(nodeId, features);
        this.heartbeat = heartbeat;
        this.clock = clock;
        this.startedAt = clock.instant();
        if (scheduled) {
            beats = daemon("igov-node-heartbeat");
            reconciling = daemon("igov-node-plugins");
            beats.scheduleWithFixedDelay(() -> safely(this::heartbeat), 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            reconciling.scheduleWithFixedDelay(() -> safely(this::reconcile), 0, heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
            LOG.info("Node {} joins the platform: heartbeat and plugin decisions every {} s", nodeId, heartbeat.toSeconds());
        } else {
            beats = null;
            reconciling = null;
        }
    }

    private static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Dynamic, not a constructor argument: Karaf replaces its features service at the end of boot and when its settings
     * change, and a static reference would restart this node with it, and with the node the REST API, the console
     * commands and every request under way.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindFeaturesService(FeaturesService service) {
        if (features instanceof KarafFeatureInstaller karaf) {
            karaf.use(service);
            if (reconciling != null) {
                reconciling.execute(() -> safely(this::reconcile)); // the decisions left for later without it
            }
        }
    }

    void unbindFeaturesService(FeaturesService service) {
        if (features instanceof KarafFeatureInstaller karaf) {
            karaf.forget(service);
        }
    }

    private static String nodeId(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getProperty("karaf.name", "node");
        }
    }

    @Deactivate
    void stop() {
        if (beats != null) {
            beats.shutdownNow();
            reconciling.shutdownNow();
        }
    }

    private interface Task {
        void run() throws Exception;
    }

    private void safely(Task task) {
        try {
            task.run();
        } catch (Exception | Error e) {
            // a scheduled task that throws is never run again: log, and try at the next beat
            LOG.warn("Node {}: heartbeat or plugin reconciliation failed, retrying in {} s: {}", nodeId,
                    heartbeat.toSeconds(), e.toString());
        }
    }

    /** One beat as the two threads take it: the heartbeat row, then the plugins brought to the decisions. */
    void beat() throws Exception {
        heartbeat();
        reconcile();
    }

    private void heartbeat() {
        Instant now = clock.instant();
        synchronized (heartbeatLock) {
            writeHeartbeat(now);
        }
    }

    /**
     * The plugins brought to the operators' decisions, on a thread of their own: installing a feature can take a
     * minute, and the heartbeat must be written on time meanwhile, or the other nodes would count this one as gone.
     * An operator's change under way on this node holds it until the next beat.
     */
    private void reconcile() throws Exception {
        Instant now = clock.instant();
        if (!pluginChanges.tryLock()) {
            LOG.debug("Node {}: a plugin change is under way; plugin decisions wait for the next beat", nodeId);
            return;
        }
        try {
            if (!features.available()) {
                LOG.debug("Node {}: Karaf's features service is being replaced; plugin decisions wait for the next beat",
                        nodeId);
                return;
            }
            store.recordNodePlugins(nodeId, reconciler.reconcile(store.desiredPlugins(), now));
        } finally {
            pluginChanges.unlock();
        }
    }

    private void writeHeartbeat(Instant now) {
        NodeRecord before = store.heartbeat(nodeId, instanceId, startedAt, now, (int) heartbeat.toSeconds());
        // On the first beat another instance id is this node's previous run; after that, it is another process.
        if (beaten && before != null && !before.instanceId().equals(instanceId)) {
            LOG.error("Another running process uses the node id '{}' (it beat at {}): give each node its own id in "
                    + "etc/ua.igov.platform.node.cfg", nodeId, before.heartbeatAt());
        }
        beaten = true;
        recordSettingsIfChanged(now);
    }

    private void recordSettingsIfChanged(Instant now) {
        Map<String, String> read = sharedSettings.get();
        if (!read.equals(settingsRecorded)) {
            store.recordNodeSettings(nodeId, read.entrySet().stream()
                    .map(s -> new NodeSetting(nodeId, s.getKey(), s.getValue(), now)).toList());
            settingsRecorded = read;
        }
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public <T> T decide(String feature, String operator, Callable<T> localChange) {
        pluginChanges.lock();
        try {
            return decideLocked(feature, operator, localChange);
        } finally {
            pluginChanges.unlock();
        }
    }

    private <T> T decideLocked(String feature, String operator, Callable<T> localChange) {
        if (!features.available()) {
            throw new ProblemException(503, "unavailable", "Temporarily unavailable", "Karaf's features service is "
                    + "being replaced on node " + nodeId + "; nothing was changed. Try again in a few seconds.");
        }
        // the decision this one replaces: another operator's stored meanwhile, on another node, must not be overwritten
        DesiredPlugin seen;
        try {
            seen = decision(feature);
        } catch (ua.igov.platform.store.StoreException databaseAway) {
            throw new ProblemException(503, "unavailable", "Temporarily unavailable", "The decisions about plugins "
                    + "cannot be read, so nothing was changed on node " + nodeId + ". Try again when the database "
                    + "answers.");
        }
        T result;
        try {
            result = localChange.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw notApplied(feature, e.getMessage() == null ? e.toString() : e.getMessage());
        }
        Instant now = clock.instant();
        try {
            Set<String> versions = features.installedVersions(feature);
            // what the operator's node has now is what every node must have; one version, the newest if several
            String version = versions.stream().max(Comparator.comparing(ClusterNode::osgiVersion)).orElse(null);
            try {
                DesiredPlugin wanted = new DesiredPlugin(feature, version, version != null, operator, now);
                if (!store.desire(wanted, seen) && !sameDecision(decision(feature), wanted)) {
                    throw new ProblemException(409, "changed-meanwhile", "Changed meanwhile", "Another decision about "
                            + feature + " was stored while node " + nodeId + " made this one, so this one was not "
                            + "recorded: every node, this one included at its next heartbeat, follows the other. See "
                            + "platform:plugins --nodes, then decide again if you still want to.");
                }
            } catch (ua.igov.platform.store.CommitOutcomeUnknownException unconfirmed) {
                throw WriteFailures.notConfirmed("that node " + nodeId + "'s change of " + feature + " was recorded for "
                        + "every node. If it was, every node follows it; if not, this node goes back to the decision "
                        + "recorded before at its next heartbeat. See platform:plugins --nodes before you repeat it.");
            } catch (ua.igov.platform.store.StoreException notRecorded) {
                // Said as it is: the database decides for every node, this one included, so the change made here is
                // undone at this node's next heartbeat.
                throw new ProblemException(503, "unavailable", "Temporarily unavailable", "Node " + nodeId
                        + " changed " + feature + ", but the decision could not be stored, so every node keeps the "
                        + "decision recorded before, and this node goes back to it at its next heartbeat. Try again "
                        + "when the database answers.");
            }
            try {
                store.recordNodePlugins(nodeId, reconciler.reconcile(store.desiredPlugins(), now));
            } catch (Exception notReported) {
                // the decision is stored and every node follows it; only this node's report of what it has waits
                LOG.warn("Node {}: the decision about {} is recorded for every node, but what this node now has could "
                        + "not be recorded ({}); its next heartbeat records it", nodeId, feature, notReported.toString());
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the change of " + feature + " was made on node " + nodeId
                    + " but could not be recorded for the other nodes: " + e.getMessage(), e);
        }
        return result;
    }

    /** The decision stored for a feature, or null. */
    private DesiredPlugin decision(String feature) {
        return store.desiredPlugins().stream().filter(d -> d.feature().equals(feature)).findFirst().orElse(null);
    }

    /** Another operator decided the same meanwhile: both are satisfied, whoever is named. */
    private static boolean sameDecision(DesiredPlugin stored, DesiredPlugin wanted) {
        return stored != null && stored.installed() == wanted.installed()
                && java.util.Objects.equals(stored.version(), wanted.version());
    }

    private static Version osgiVersion(String text) {
        try {
            return Version.parseVersion(text.replaceFirst("-", "."));
        } catch (IllegalArgumentException e) {
            return Version.emptyVersion;
        }
    }

    private ProblemException notApplied(String feature, String why) {
        return new ProblemException(422, "plugin-not-applied", "Plugin not applied",
                "node " + nodeId + " could not change " + feature + ", so nothing was recorded for the other nodes: " + why);
    }

    @Override
    public ClusterView view() {
        Instant now = clock.instant();
        List<NodeView> nodes = new ArrayList<>();
        for (NodeRecord n : store.nodes()) {
            nodes.add(new NodeView(n.nodeId(), n.startedAt(), n.heartbeatAt(), isAlive(n, now)));
        }
        Map<String, DesiredPlugin> decisions = new HashMap<>();
        for (DesiredPlugin d : store.desiredPlugins()) {
            decisions.put(d.feature(), d);
        }
        List<PluginOnNode> plugins = new ArrayList<>();
        for (NodePlugin p : store.nodePlugins()) {
            plugins.add(onNode(p, decisions.get(p.feature())));
        }
        return new ClusterView(nodes, plugins);
    }

    @Override
    public List<SettingDifference> settingDifferences() {
        Instant now = clock.instant();
        Set<String> alive = new java.util.HashSet<>();
        for (NodeRecord n : store.nodes()) {
            if (isAlive(n, now)) {
                alive.add(n.nodeId());
            }
        }
        // setting -> fingerprint -> the live nodes that read it so
        Map<String, Map<String, List<String>>> read = new java.util.TreeMap<>();
        for (NodeSetting s : store.nodeSettings()) {
            if (alive.contains(s.nodeId())) {
                read.computeIfAbsent(s.setting(), k -> new HashMap<>())
                        .computeIfAbsent(s.fingerprint(), k -> new ArrayList<>()).add(s.nodeId());
            }
        }
        List<SettingDifference> differences = new ArrayList<>();
        read.forEach((setting, byFingerprint) -> {
            if (byFingerprint.size() > 1) {
                differences.add(new SettingDifference(setting, byFingerprint.values().stream()
                        .map(nodes -> nodes.stream().sorted().toList())
                        .sorted(Comparator.<List<String>>comparingInt(List::size).reversed()
                                .thenComparing(nodes -> nodes.get(0)))
                        .toList()));
            }
        });
        return differences;
    }

    /** Judged by the node's own interval: nodes may beat at different ones. */
    private static boolean isAlive(NodeRecord node, Instant now) {
        Duration itsBeat = Duration.ofSeconds(Math.max(1, node.heartbeatSeconds()));
        return !node.heartbeatAt().isBefore(now.minus(itsBeat.multipliedBy(MISSED_BEATS)));
    }

    private static PluginOnNode onNode(NodePlugin p, DesiredPlugin decision) {
        String desired = decision == null ? null
                : !decision.installed() ? "removed"
                : decision.version() == null ? "any" : decision.version();
        boolean converged = decision == null
                || (decision.installed()
                    ? p.installedVersion() != null && (decision.version() == null || Objects.equals(decision.version(), p.installedVersion()))
                    : p.installedVersion() == null);
        return new PluginOnNode(p.nodeId(), p.feature(), desired, p.installedVersion(), p.problem(), p.since(), converged);
    }
}
