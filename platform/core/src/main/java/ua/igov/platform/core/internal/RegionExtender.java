package ua.igov.platform.core.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.spi.RegionCatalogue;

/**
 * The extender that makes region plugins data, not code: for each started bundle with an
 * {@value RegionCatalogue#MANIFEST_HEADER} header it reads the catalogue file and registers it as a
 * {@link RegionCatalogue} service in that bundle's own context, so the catalogue disappears when the bundle stops.
 * A file with mistakes is logged and skipped; it never disturbs other regions.
 */
@Component(immediate = true)
public class RegionExtender {

    private static final Logger LOG = LoggerFactory.getLogger(RegionExtender.class);

    private final BundleTracker<ServiceRegistration<RegionCatalogue>> tracker;

    @Activate
    public RegionExtender(BundleContext context) {
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public ServiceRegistration<RegionCatalogue> addingBundle(Bundle bundle, BundleEvent event) {
                return register(bundle);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<RegionCatalogue> reg) {
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<RegionCatalogue> reg) {
                unregister(reg);
            }
        });
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    private static ServiceRegistration<RegionCatalogue> register(Bundle bundle) {
        String path = bundle.getHeaders("").get(RegionCatalogue.MANIFEST_HEADER);
        if (path == null) {
            return null;
        }
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            LOG.error("Region plugin {} names {} in its {} header, but the bundle has no such file",
                    bundle.getSymbolicName(), path, RegionCatalogue.MANIFEST_HEADER);
            return null;
        }
        try (InputStream in = entry.openStream()) {
            RegionCatalogue catalogue = RegionCatalogueReader.read(in, bundle.getVersion().toString());
            BundleContext pluginContext = bundle.getBundleContext();
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put("igov.region", catalogue.region().id());
            properties.put(Constants.SERVICE_DESCRIPTION, "Region catalogue read from " + path);
            return pluginContext.registerService(RegionCatalogue.class, catalogue, properties);
        } catch (Exception e) {
            LOG.error("Region plugin {} {} not loaded: {} has a mistake: {}", bundle.getSymbolicName(),
                    bundle.getVersion(), path, e.getMessage());
            return null;
        }
    }

    /**
     * Why an active region plugin serves no catalogue, if it does not: its file is missing or has a mistake. Read
     * again when asked (the operators' plugin list), so the extender keeps nothing about bundles it could not load.
     */
    static Optional<String> refusal(Bundle bundle) {
        String path = bundle.getState() == Bundle.ACTIVE ? bundle.getHeaders("").get(RegionCatalogue.MANIFEST_HEADER)
                : null;
        if (path == null || servesACatalogue(bundle)) {
            return Optional.empty();
        }
        URL entry = bundle.getEntry(path);
        if (entry == null) {
            return Optional.of("its " + RegionCatalogue.MANIFEST_HEADER + " header names " + path
                    + ", but the bundle has no such file");
        }
        try (InputStream in = entry.openStream()) {
            RegionCatalogueReader.read(in, bundle.getVersion().toString());
            return Optional.empty(); // readable: the extender registers it in a moment
        } catch (Exception e) {
            return Optional.of(path + " has a mistake: " + e.getMessage());
        }
    }

    private static boolean servesACatalogue(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        return registered != null && Arrays.stream(registered).anyMatch(r -> Arrays.asList(
                (String[]) r.getProperty(Constants.OBJECTCLASS)).contains(RegionCatalogue.class.getName()));
    }

    private static void unregister(ServiceRegistration<RegionCatalogue> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // The framework unregisters a stopping bundle's services itself; nothing left to do.
        }
    }
}
