package ua.igov.platform.core.internal;

import java.util.Comparator;

import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** The bundle a contribution came from, for operators and for the version stored with each application. */
record PluginOrigin(String bundle, String version) {

    /**
     * Which of two plugins for one service code or one region is served: the higher bundle version, then the bundle
     * name first in alphabetical order. It depends on the bundles alone, not on the order they arrived in, so every
     * node serving one database serves the same plugin, whatever order each installed them in.
     */
    static final Comparator<PluginOrigin> SERVED_FIRST = Comparator.comparing(PluginOrigin::osgiVersion)
            .reversed().thenComparing(PluginOrigin::bundle);

    static PluginOrigin of(Bundle bundle) {
        return bundle == null ? new PluginOrigin("unknown", "0.0.0")
                : new PluginOrigin(bundle.getSymbolicName(), bundle.getVersion().toString());
    }

    private Version osgiVersion() {
        try {
            return Version.parseVersion(version);
        } catch (IllegalArgumentException notAnOsgiVersion) {
            return Version.emptyVersion;
        }
    }
}
