package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.spi.RegionCatalogue;

/**
 * A region plugin whose catalogue cannot be read serves nothing: before, only karaf.log said so, and the operators'
 * plugin list and doctor showed nothing wrong while the region was gone on every node.
 */
class RegionExtenderTest {

    @TempDir
    Path dir;

    /** An active bundle of {@code version} with the region header naming {@code file}, serving {@code services}. */
    private static Bundle bundle(URL file, ServiceReference<?>... services) {
        return (Bundle) Proxy.newProxyInstance(RegionExtenderTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> Bundle.ACTIVE;
                    case "getHeaders" -> new Hashtable<>(java.util.Map.of(RegionCatalogue.MANIFEST_HEADER,
                            "META-INF/igov/region.json"));
                    case "getEntry" -> file;
                    case "getRegisteredServices" -> services.length == 0 ? null : services;
                    case "getVersion" -> new Version("0.2.0");
                    case "getSymbolicName" -> "ua.igov.region.lviv";
                    case "getBundleId" -> 42L;
                    default -> null;
                });
    }

    private URL file(String text) throws Exception {
        Path file = dir.resolve("region-" + text.hashCode() + ".json");
        Files.writeString(file, text);
        return file.toUri().toURL();
    }

    @Test
    void aCatalogueWithAMistakeOrNoFileIsARefusalSayingWhy() throws Exception {
        Optional<String> broken = RegionExtender.refusal(bundle(file("{\"formatVersion\": 1, \"region\": 7}")));
        assertTrue(broken.orElseThrow().startsWith("META-INF/igov/region.json has a mistake: "), broken.toString());
        assertTrue(RegionExtender.refusal(bundle(null)).orElseThrow().contains("no such file"));

        URL good = RegionExtenderTest.class.getResource("/fixtures/region-test.json");
        assertEquals(Optional.empty(), RegionExtender.refusal(bundle(good)), "readable: registered in a moment");
        ServiceReference<?> served = (ServiceReference<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) ->
                        Constants.OBJECTCLASS.equals(args[0]) ? new String[] {RegionCatalogue.class.getName()} : null);
        assertEquals(Optional.empty(), RegionExtender.refusal(bundle(null, served)), "serving: not looked at again");
    }

    @Test
    void theOperatorsPluginListShowsItRefused() throws Exception {
        Bundle broken = bundle(file("{\"formatVersion\": 1}"));
        BundleContext framework = (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> method.getName().equals("getBundles") ? new Bundle[] {broken} : null);
        List<PluginInfo> plugins = new PluginRegistryImpl(framework).plugins();
        assertEquals(1, plugins.size(), plugins.toString());
        assertEquals(PluginInfo.REFUSED, plugins.get(0).state());
        assertEquals("bundle 42", plugins.get(0).id());
    }
}
