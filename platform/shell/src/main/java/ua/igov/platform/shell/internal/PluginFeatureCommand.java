package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.EnumSet;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import ua.igov.platform.core.ClusterService;
import ua.igov.platform.core.ProblemException;

/**
 * Installing and removing plugins on every node: the decision is applied on this node through Karaf's
 * FeaturesService (never refreshing a bundle that is not the plugin's own, so the platform and the other plugins
 * keep serving), then recorded in the database, from which every other node takes it at its next heartbeat.
 */
abstract class PluginFeatureCommand implements Action {

    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    /** Who decided, as the database records it. */
    static final String OPERATOR = "console";

    @Reference
    FeaturesService features;

    @Reference
    ClusterService cluster;

    @Argument(index = 0, name = "feature", required = true,
            description = "The plugin's feature, e.g. igov-region-lviv or igov-service-residence-registration")
    @Completion(PluginFeatureCompleter.class)
    String feature;

    static boolean isPlugin(String name) {
        return name.startsWith("igov-region-") || name.startsWith("igov-service-") || name.startsWith("igov-identity-");
    }

    @Override
    public final Object execute() throws Exception {
        if (!isPlugin(feature)) {
            throw new IllegalArgumentException("'" + feature + "' is not a plugin feature; plugins are igov-region-*, "
                    + "igov-service-* and igov-identity-* (tab completes them)");
        }
        if (features.getFeature(feature) == null) {
            throw new IllegalArgumentException("no feature '" + feature + "' is known to this runtime");
        }
        try {
            // the change is made here, then recorded for every node; a failed change records nothing
            cluster.decide(feature, OPERATOR, () -> {
                apply(System.out);
                return null;
            });
        } catch (ProblemException problem) {
            throw new IllegalArgumentException(problem.title() + ": " + problem.detail());
        }
        return null;
    }

    /** What the operator is told after a decision: this node has it, the others follow. */
    String followers() {
        return "Every other node follows within its heartbeat interval (platform:plugins --nodes shows them).";
    }

    /** Changes the plugin on this node. */
    protected abstract void apply(PrintStream out) throws Exception;
}
