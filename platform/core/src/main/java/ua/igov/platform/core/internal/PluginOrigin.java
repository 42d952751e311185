package ua.igov.platform.core.internal;

import org.osgi.framework.Bundle;

/** The bundle a contribution came from, for operators and for the version stored with each application. */
record PluginOrigin(String bundle, String version) {

    static PluginOrigin of(Bundle bundle) {
        return bundle == null ? new PluginOrigin("unknown", "0.0.0")
                : new PluginOrigin(bundle.getSymbolicName(), bundle.getVersion().toString());
    }
}
