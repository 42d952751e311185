package ua.igov.platform.core.internal;

import java.util.Map;
import java.util.Set;

/** What the plugin reconciler needs from Karaf's FeaturesService; small, so the reconciler is tested without Karaf. */
interface FeatureInstaller {

    /** The versions of a feature installed on this node (usually none or one). */
    Set<String> installedVersions(String feature) throws Exception;

    /** Every installed plugin feature (region, service, identity) with its version(s), comma-separated. */
    Map<String, String> installedPlugins() throws Exception;

    /** Installs a feature; {@code version} null installs the newest the runtime knows. */
    void install(String feature, String version) throws Exception;

    void uninstall(String feature, String version) throws Exception;

    /** Whether features can be read and changed now; Karaf replaces its features service now and then. */
    default boolean available() {
        return true;
    }
}
