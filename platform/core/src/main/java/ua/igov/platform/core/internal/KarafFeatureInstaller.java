package ua.igov.platform.core.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import ua.igov.platform.core.ClusterService;

/**
 * Installs and removes plugin features through Karaf's FeaturesService without refreshing any bundle that is not
 * the plugin's own, so the platform and the other plugins keep serving while a node converges.
 */
final class KarafFeatureInstaller implements FeatureInstaller {

    private static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    /** A given version replaces any other version of the feature in the same resolution (an update). */
    private static final EnumSet<FeaturesService.Option> UPGRADE =
            EnumSet.of(FeaturesService.Option.Upgrade, FeaturesService.Option.NoAutoRefreshBundles);

    /**
     * Karaf's service of the moment, null while it is being replaced (it is at the end of boot, and when
     * etc/org.apache.karaf.features.cfg changes): the node goes on beating, and plugin changes wait for its successor.
     */
    private volatile FeaturesService service;

    KarafFeatureInstaller() {
    }

    KarafFeatureInstaller(FeaturesService service) {
        this.service = service;
    }

    synchronized void use(FeaturesService replacement) {
        this.service = replacement;
    }

    /** Forgets {@code leaving} unless another has taken its place already. */
    synchronized void forget(FeaturesService leaving) {
        if (service == leaving) {
            service = null;
        }
    }

    @Override
    public boolean available() {
        return service != null;
    }

    private FeaturesService features() {
        FeaturesService now = service;
        if (now == null) {
            throw new IllegalStateException("Karaf's features service is being replaced; try again in a few seconds");
        }
        return now;
    }

    @Override
    public Set<String> installedVersions(String feature) throws Exception {
        Set<String> versions = new TreeSet<>();
        for (Feature f : features().listInstalledFeatures()) {
            if (f.getName().equals(feature)) {
                versions.add(f.getVersion());
            }
        }
        return versions;
    }

    @Override
    public Map<String, String> installedPlugins() throws Exception {
        Map<String, String> plugins = new TreeMap<>();
        for (Feature f : features().listInstalledFeatures()) {
            if (ClusterService.isPluginFeature(f.getName())) {
                plugins.merge(f.getName(), f.getVersion(), (a, b) -> a + "," + b);
            }
        }
        return plugins;
    }

    @Override
    public void install(String feature, String version) throws Exception {
        if (version == null) {
            features().installFeature(feature, NO_REFRESH);
        } else {
            features().installFeature(feature, version, UPGRADE);
        }
    }

    @Override
    public void uninstall(String feature, String version) throws Exception {
        features().uninstallFeature(feature, version, NO_REFRESH);
    }
}
