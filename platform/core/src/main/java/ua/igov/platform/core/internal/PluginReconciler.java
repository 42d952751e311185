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
 */
final class PluginReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(PluginReconciler.class);

    private final String nodeId;
    private final FeatureInstaller features;

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
            try {
                apply(decision);
            } catch (Exception e) {
                String problem = e.getMessage() == null ? e.toString() : e.getMessage();
                problems.put(decision.feature(), problem);
                LOG.warn("Node {} cannot {} plugin {}: {}", nodeId, decision.installed() ? "install" : "remove",
                        decision.feature(), problem);
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
            for (String other : installed) {
                if (!other.equals(wanted)) {
                    features.uninstall(feature, other); // an update: the old version goes once the new one is in
                }
            }
        }
    }
}
