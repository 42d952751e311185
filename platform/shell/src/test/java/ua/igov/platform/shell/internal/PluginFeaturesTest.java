package ua.igov.platform.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.junit.jupiter.api.Test;

class PluginFeaturesTest {

    /** What the console asked Karaf to do, with which options. */
    private final List<String> calls = new ArrayList<>();
    private final Set<String> installed = new HashSet<>();
    private final List<Feature> known = new ArrayList<>();

    private final PluginFeatures plugins = new PluginFeatures((FeaturesService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {FeaturesService.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "listFeatures":
                        return known.toArray(Feature[]::new);
                    case "listInstalledFeatures":
                        return known.stream().filter(f -> installed.contains(f.getName() + "/" + f.getVersion()))
                                .toArray(Feature[]::new);
                    case "installFeature":
                    case "uninstallFeature":
                        calls.add(method.getName() + " " + args[0] + "/" + args[1] + " " + args[2]);
                        return null;
                    default:
                        throw new UnsupportedOperationException(method.getName());
                }
            }));

    private static Feature feature(String name, String version) {
        return (Feature) Proxy.newProxyInstance(PluginFeaturesTest.class.getClassLoader(), new Class<?>[] {Feature.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getName" -> name;
                    case "getVersion" -> version;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void anUpdateInstallsTheNewestVersionAsAnUpgradeWithoutRefreshingOthers() throws Exception {
        known.add(feature("igov-service-foo", "1.2.0"));
        known.add(feature("igov-service-foo", "1.10.0"));
        known.add(feature("igov-service-foo", "1.3.0"));
        installed.add("igov-service-foo/1.2.0");

        PluginFeatures.Change change = plugins.update("igov-service-foo", null);

        assertEquals(List.of("installFeature igov-service-foo/1.10.0 " + EnumSet.of(FeaturesService.Option.Upgrade,
                FeaturesService.Option.NoAutoRefreshBundles)), calls, "by OSGi version order, not text order");
        assertEquals("1.2.0", change.fromVersion());
        assertEquals("1.10.0", change.toVersion());
    }

    @Test
    void anUpdateToAGivenVersionOrToTheSameOneOrOfWhatIsNotInstalled() throws Exception {
        known.add(feature("igov-service-foo", "1.2.0"));
        known.add(feature("igov-service-foo", "1.3.0"));
        installed.add("igov-service-foo/1.3.0");
        assertTrue(plugins.update("igov-service-foo", null).outcome().contains("already at version 1.3.0"));
        assertEquals("1.2.0", plugins.update("igov-service-foo", "1.2").toVersion(), "1.2 is 1.2.0");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> plugins.update("igov-service-foo", "9.0.0"));
        assertTrue(unknown.getMessage().contains("known: [1.2.0, 1.3.0]"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> plugins.update("igov-service-bar", null));
    }

    @Test
    void installAndUninstallNeverRefreshAndSayWhatIsThereAlready() throws Exception {
        known.add(feature("igov-region-sumy", "0.1.0-SNAPSHOT"));
        assertEquals("0.1.0-SNAPSHOT", plugins.install("igov-region-sumy").toVersion());
        assertEquals("igov-region-sumy is not installed.", plugins.uninstall("igov-region-sumy").outcome());
        installed.add("igov-region-sumy/0.1.0-SNAPSHOT");
        assertTrue(plugins.install("igov-region-sumy").outcome().contains("already installed"));
        plugins.uninstall("igov-region-sumy");
        assertEquals(List.of("installFeature igov-region-sumy/0.1.0-SNAPSHOT [NoAutoRefreshBundles]",
                "uninstallFeature igov-region-sumy/0.1.0-SNAPSHOT [NoAutoRefreshBundles]"), calls);
    }

    /** Two versions installed side by side: both go, so no version is left behind to be recorded as installed. */
    @Test
    void uninstallRemovesEveryInstalledVersion() throws Exception {
        known.add(feature("igov-service-foo", "1.2.0"));
        known.add(feature("igov-service-foo", "1.3.0"));
        installed.add("igov-service-foo/1.2.0");
        installed.add("igov-service-foo/1.3.0");
        PluginFeatures.Change change = plugins.uninstall("igov-service-foo");
        assertEquals(List.of("uninstallFeature igov-service-foo/1.2.0 [NoAutoRefreshBundles]",
                "uninstallFeature igov-service-foo/1.3.0 [NoAutoRefreshBundles]"), calls);
        assertTrue(change.outcome().startsWith("igov-service-foo 1.2.0, 1.3.0 uninstalled"), change.outcome());
    }
}
