package ua.igov.platform.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.store.DesiredPlugin;
import ua.igov.platform.store.NodePlugin;

/**
 * Brings this node's plugin features to what the operator decided, one feature at a time, so one plugin that cannot
 * be installed here (not in this node's runtime, a failed resolution) does not hold back the others. Plugins the
 * operator never decided about are left as the assembly installed them.
 *
 * <p>A decision this node could not follow is tried again after a wait that doubles each time, from one beat up to
 * {@link #LONGEST_WAIT}, not at every beat: a feature version this node's runtime lacks must not cost a resolution
 * (and a warning) every few seconds for ever, nor hold up the heartbeat. A new decision about the feature is tried
 * at once.
 */
final class PluginReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(PluginReconciler.class);

    static final java.time.Duration FIRST_WAIT = java.time.Duration.ofSeconds(5);
    static final java.time.Duration LONGEST_WAIT = java.time.Duration.ofMinutes(5);

    private final String nodeId;
    private final FeatureInstaller features;
    /** Decisions this node could not follow, by feature: which decision, why, and when to try again. */
    private final Map<String, Failed> failed = new HashMap<>();

    private record Failed(DesiredPlugin decision, String problem, int attempts, Instant retryAt) {
    }

    PluginReconciler(String nodeId, FeatureInstaller features) {
        this.nodeId = nodeId;
        this.features = features;
    }

    /**
     * Applies every decision that this node does not follow yet.
     *
     * @return this node's state of every plugin it has installed and of every plugin decided about
     */
    List<NodePlugin> reconcile(List<DesiredPlugin> decisions, Instant now) throws Exception {
        Map<String, String> problems = new HashMap<>();
        for (DesiredPlugin decision : decisions) {
            Failed before = failed.get(decision.feature());
            if (before != null && before.decision().equals(decision) && now.isBefore(before.retryAt())) {
                problems.put(decision.feature(), before.problem()); // still waiting to try this one again
                continue;
            }
            try {
                apply(decision);
                failed.remove(decision.feature());
            } catch (Exception e) {
                String problem = e.getMessage() == null ? e.toString() : e.getMessage();
                problems.put(decision.feature(), problem);
                int attempts = before != null && before.decision().equals(decision) ? before.attempts() + 1 : 1;
                java.time.Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 16));
                Instant retryAt = now.plus(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
                failed.put(decision.feature(), new Failed(decision, problem, attempts, retryAt));
                LOG.warn("Node {} cannot {} plugin {} (attempt {}, next at {}): {}", nodeId,
                        decision.installed() ? "install" : "remove", decision.feature(), attempts, retryAt, problem);
            }
        }
        Map<String, String> installed = new TreeMap<>(features.installedPlugins());
        for (DesiredPlugin decision : decisions) {
            installed.putIfAbsent(decision.feature(), null);
        }
        List<NodePlugin> states = new ArrayList<>();
        installed.forEach((feature, version) -> states.add(new NodePlugin(nodeId, feature, version, problems.get(feature), now)));
        return states;
    }

    private void apply(DesiredPlugin decision) throws Exception {
        String feature = decision.feature();
        Set<String> installed = features.installedVersions(feature);
        if (!decision.installed()) {
            for (String version : installed) {
                features.uninstall(feature, version);
                LOG.info("Node {} removed plugin {} {}, as decided by {}", nodeId, feature, version, decision.changedBy());
            }
            return;
        }
        String wanted = decision.version();
        if (wanted == null ? installed.isEmpty() : !installed.contains(wanted)) {
            features.install(feature, wanted);
            LOG.info("Node {} installed plugin {} {}, as decided by {}", nodeId, feature, wanted == null ? "" : wanted,
                    decision.changedBy());
        }
        if (wanted != null) {
            // read again: an install with Upgrade may have taken the old version out already
            for (String other : Set.copyOf(features.installedVersions(feature))) {
                if (!other.equals(wanted)) {
                    features.uninstall(feature, other); // an update: the old version goes once the new one is in
                }
            }
        }
    }
}
