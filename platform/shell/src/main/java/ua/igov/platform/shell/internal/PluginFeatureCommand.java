package ua.igov.platform.shell.internal;

import java.io.PrintStream;
import java.util.EnumSet;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;

/**
 * Installing and removing plugins through Karaf's FeaturesService, never refreshing a bundle that is not the
 * plugin's own, so the platform and the other plugins keep serving.
 */
abstract class PluginFeatureCommand implements Action {

    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Reference
    FeaturesService features;

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
        apply(System.out);
        return null;
    }

    protected abstract void apply(PrintStream out) throws Exception;
}
