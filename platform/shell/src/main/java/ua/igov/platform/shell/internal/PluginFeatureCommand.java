package ua.igov.platform.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import ua.igov.platform.core.ClusterService;

/**
 * Installing, updating and removing plugins on every node: the decision is applied on this node through
 * {@link PluginFeatures} (Karaf's FeaturesService, never refreshing a bundle that is not the plugin's own, so the
 * platform and the other plugins keep serving), then recorded in the database, from which every other node takes it
 * at its next heartbeat.
 */
abstract class PluginFeatureCommand extends PlatformCommand {

    @Reference(optional = true)
    FeaturesService features;

    @Reference(optional = true)
    ClusterService cluster;

    @Argument(index = 0, name = "feature", required = true,
            description = "The plugin's feature, e.g. igov-region-lviv or igov-service-residence-registration")
    @Completion(PluginFeatureCompleter.class)
    String feature;

    /** What the command did on this node, and that the others follow. */
    record Decision(PluginFeatures.Change change, String node, String others) {
    }

    @Override
    protected final Object query() {
        if (!ClusterService.isPluginFeature(feature)) {
            throw new IllegalArgumentException("'" + feature + "' is not a plugin feature; plugins are igov-region-*, "
                    + "igov-service-*, igov-identity-* and igov-channel-* (tab completes them)");
        }
        // the change is made here, then recorded for every node; a failed change records nothing
        // who decided, as the audit trail names them
        PluginFeatures.Change change = cluster.decide(feature, signedInOperator().name(),
                () -> apply(new PluginFeatures(features)));
        return new Decision(change, cluster.nodeId(),
                "Every other node follows within its heartbeat interval (platform:plugins --nodes shows them).");
    }

    /** Changes the plugin on this node. */
    protected abstract PluginFeatures.Change apply(PluginFeatures plugins) throws Exception;

    @Override
    protected final void print(Object result, PrintStream out) {
        Decision decision = (Decision) result;
        out.println("Node " + decision.node() + ": " + decision.change().outcome());
        out.println(decision.others());
    }
}
