package ua.igov.platform.shell.internal;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Version;

/**
 * The one place the console changes which plugins are installed: through Karaf's FeaturesService, never refreshing a
 * bundle that is not the plugin's own, so the platform and the other plugins keep serving. Kept small so that a
 * cluster-wide variant (several nodes, one desired set of plugins) can wrap it.
 */
class PluginFeatures {

    static final EnumSet<FeaturesService.Option> NO_REFRESH = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
    /** Installs the new version and removes the old one in the same resolution. */
    static final EnumSet<FeaturesService.Option> UPGRADE =
            EnumSet.of(FeaturesService.Option.Upgrade, FeaturesService.Option.NoAutoRefreshBundles);

    /** What a command did: for a person one line, for a script the fields. */
    record Change(String feature, String action, String fromVersion, String toVersion, String outcome) {
    }

    private final FeaturesService features;

    PluginFeatures(FeaturesService features) {
        this.features = features;
    }

    Change install(String name) throws Exception {
        Optional<Feature> installed = installed(name);
        if (installed.isPresent()) {
            return new Change(name, "install", installed.get().getVersion(), installed.get().getVersion(),
                    name + " " + installed.get().getVersion() + " is already installed (plugin-update changes its version).");
        }
        Feature newest = newest(name);
        features.installFeature(name, newest.getVersion(), NO_REFRESH);
        return new Change(name, "install", null, newest.getVersion(), name + " " + newest.getVersion() + " installed.");
    }

    Change update(String name, String version) throws Exception {
        Feature current = installed(name).orElseThrow(() -> new IllegalArgumentException(
                name + " is not installed; plugin-install installs it"));
        Feature[] known = known(name);
        Feature target = version == null ? newest(name) : Arrays.stream(known)
                .filter(f -> version(f.getVersion()).equals(version(version))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no version " + version + " of " + name + " is known; "
                        + "known: " + Arrays.stream(known).map(Feature::getVersion).toList()));
        if (target.getVersion().equals(current.getVersion())) {
            return new Change(name, "update", current.getVersion(), current.getVersion(),
                    name + " is already at version " + current.getVersion() + ".");
        }
        features.installFeature(name, target.getVersion(), UPGRADE);
        return new Change(name, "update", current.getVersion(), target.getVersion(),
                name + " updated from " + current.getVersion() + " to " + target.getVersion()
                        + "; applications in flight keep the form and workflow they were made on.");
    }

    /**
     * Every installed version goes: with two installed (a {@code feature:install} of another version beside it),
     * removing one would leave the other, and the decision recorded for every node would be to install that one.
     */
    Change uninstall(String name) throws Exception {
        List<String> versions = Arrays.stream(features.listInstalledFeatures()).filter(f -> f.getName().equals(name))
                .map(Feature::getVersion).toList();
        if (versions.isEmpty()) {
            return new Change(name, "uninstall", null, null, name + " is not installed.");
        }
        for (String version : versions) {
            features.uninstallFeature(name, version, NO_REFRESH);
        }
        String removed = String.join(", ", versions);
        return new Change(name, "uninstall", removed, null, name + " " + removed
                + " uninstalled; its applications stay readable and continue when it is back.");
    }

    Optional<Feature> installed(String name) throws Exception {
        return Arrays.stream(features.listInstalledFeatures()).filter(f -> f.getName().equals(name)).findFirst();
    }

    private Feature newest(String name) throws Exception {
        return Arrays.stream(known(name)).max(Comparator.comparing(f -> version(f.getVersion())))
                .orElseThrow(() -> new IllegalArgumentException("no feature '" + name + "' is known to this runtime"));
    }

    /** A feature's version as OSGi orders it; Maven's 0.1.0-SNAPSHOT reads as 0.1.0.SNAPSHOT. */
    static Version version(String text) {
        try {
            return Version.parseVersion(text);
        } catch (IllegalArgumentException notOsgi) {
            try {
                return Version.parseVersion(text.replaceFirst("-", "."));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not a version, e.g. 2.0.0");
            }
        }
    }

    /** Every version of the feature in every repository (getFeatures(name) would answer the newest only). */
    private Feature[] known(String name) throws Exception {
        return Arrays.stream(features.listFeatures()).filter(f -> f.getName().equals(name)).toArray(Feature[]::new);
    }
}
