package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.LocalizedText;
import ua.igov.platform.spi.ServiceType;
import ua.igov.platform.spi.SubmissionHandler;

class PluginRegistryTest {

    /** A framework with no other bundles: the registry needs nothing else from it here. */
    private static final BundleContext NO_BUNDLES = (BundleContext) Proxy.newProxyInstance(
            PluginRegistryTest.class.getClassLoader(), new Class<?>[] {BundleContext.class},
            (proxy, method, args) -> method.getName().equals("getBundles") ? new Bundle[0] : null);

    @SuppressWarnings("unchecked")
    private static ServiceReference<ServiceType> reference(long serviceId) {
        return (ServiceReference<ServiceType>) Proxy.newProxyInstance(PluginRegistryTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) ->
                        method.getName().equals("getProperty") && "service.id".equals(args[0]) ? serviceId : null);
    }

    private static ServiceType type(String code, Set<Integer> catalogueIds) {
        return new ServiceType() {
            public String code() { return code; }
            public LocalizedText name() { return LocalizedText.of(code); }
            public Set<Integer> catalogueServiceIds() { return catalogueIds; }
            public FormDefinition form() { return new FormDefinition("1.0", "{\"type\": \"object\"}"); }
            public SubmissionHandler handler() { return submission -> { }; }
        };
    }

    /**
     * Two installed types claiming one catalogue service: applying by its id goes through the same one whatever the
     * order they arrived in, so two nodes (or two requests) never pick differently.
     */
    @Test
    void aCatalogueServiceTwoTypesClaimGoesToTheFirstByCodeWhateverTheOrderOfInstalling() {
        for (List<String> order : List.of(List.of("zeta-extract", "alpha-extract", "mid-extract"),
                List.of("alpha-extract", "mid-extract", "zeta-extract"), List.of("mid-extract", "zeta-extract", "alpha-extract"))) {
            PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
            long id = 1;
            for (String code : order) {
                registry.addServiceType(type(code, Set.of(47, 100 + (int) id)), reference(id++));
            }
            assertEquals("alpha-extract", registry.serviceTypeFor(47).orElseThrow().code(), order.toString());
            assertTrue(registry.serviceTypeFor(46).isEmpty());
        }
    }
}
