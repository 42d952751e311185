package ua.igov.platform.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.TreeMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.PluginInfo;
import ua.igov.platform.core.PluginRegistry;
import ua.igov.platform.spi.FormDefinition;
import ua.igov.platform.spi.RegionCatalogue;
import ua.igov.platform.spi.ServiceType;

/**
 * Tracks region catalogues and service types as they come and go. A contribution is served the moment its service
 * appears, and everything it brought leaves with it: the maps below are keyed by the contributing service, so
 * removing a plugin is one map removal and needs no bookkeeping elsewhere.
 *
 * <p>This state is node-local on purpose: it describes which bundles this node runs, nothing a request writes.
 */
@Component(service = {PluginRegistry.class, InstalledPlugins.class}, immediate = true)
public class PluginRegistryImpl implements PluginRegistry, InstalledPlugins {

    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistryImpl.class);

    private final Instant startedAt = Instant.now();
    /**
     * Keyed by service id. For one service code or one region the plugin {@link PluginOrigin#SERVED_FIRST} is
     * served (for one bundle registering twice, its older registration) and the rest wait their turn, so a new version
     * of a plugin installed beside the old one replaces it in a single step, and every node serves the same one.
     */
    private final ConcurrentSkipListMap<Long, InstalledServiceType> serviceTypes = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListMap<Long, RegionIndex> regions = new ConcurrentSkipListMap<>();
    private final Map<Long, PluginInfo> refused = new ConcurrentHashMap<>();
    /**
     * Service ids being asked what they are (see {@link PluginArrival}); guarded by itself. A plugin that leaves
     * meanwhile is taken out here, and its answer then goes nowhere.
     */
    private final java.util.Set<Long> arriving = new java.util.HashSet<>();
    /** What requests read: rebuilt whole on every change and swapped in one write, never seen half-built. */
    private volatile Map<String, RegionIndex> regionsById = Map.of();
    private volatile Map<String, InstalledServiceType> serviceTypesByCode = Map.of();
    private final List<ServedPluginsListener> listeners = new CopyOnWriteArrayList<>();

    private final BundleContext context;
    private final java.time.Duration arrivalLimit;
    private final BundleListener spiWatch;

    @Activate
    public PluginRegistryImpl(BundleContext context) {
        this(context, PluginArrival.LIMIT);
    }

    /** With {@code arrivalLimit} for a plugin to say what it is (see {@link PluginArrival}). */
    PluginRegistryImpl(BundleContext context, java.time.Duration arrivalLimit) {
        this.context = context;
        this.arrivalLimit = arrivalLimit;
        // Says in the log, the moment a plugin is installed, that it was built for an SPI this platform lacks.
        this.spiWatch = event -> {
            if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
                SpiCompatibility.check(context, event.getBundle()).ifPresent(PluginRegistryImpl::logRefused);
            }
        };
        context.addBundleListener(spiWatch);
        SpiCompatibility.find(context).forEach(PluginRegistryImpl::logRefused);
        LOG.info("Plugin registry started");
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(spiWatch);
        LOG.info("Plugin registry stopped");
    }

    private static void logRefused(SpiCompatibility.Incompatible plugin) {
        LOG.error("Plugin {} {} refused: {}. Nothing else is affected.", plugin.bundle().getSymbolicName(),
                plugin.bundle().getVersion(), plugin.reason());
    }

    /**
     * A service plugin arrives. Its object is made here, on the arrival's own thread, not by SCR before the call: a
     * plugin whose component cannot be made (a static initialiser that throws, a form file missing from the bundle)
     * would otherwise be logged by SCR alone and never reach this registry, neither served nor listed as refused.
     */
    @Reference(name = "serviceTypes", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "serviceTypeLeaves")
    void serviceTypeArrives(ComponentServiceObjects<ServiceType> objects, ServiceReference<ServiceType> reference) {
        arrive(() -> {
            ServiceType made = objects.getService();
            if (made == null) {
                throw new IllegalStateException("its component could not be made (karaf.log has the cause, logged "
                        + "by the component runtime)");
            }
            return made;
        }, reference);
    }

    void serviceTypeLeaves(ServiceReference<ServiceType> reference) {
        removeServiceType(null, reference);
    }

    /** A service type arrives already made (as the tests hand it over). */
    void addServiceType(ServiceType type, ServiceReference<ServiceType> reference) {
        arrive(() -> type, reference);
    }

    private void arrive(java.util.function.Supplier<ServiceType> plugin, ServiceReference<ServiceType> reference) {
        long id = serviceId(reference);
        PluginOrigin origin = PluginOrigin.of(reference.getBundle());
        // what the plugin said so far, for the operators when it is refused (asking it again could hang again)
        java.util.concurrent.atomic.AtomicReference<String> code = new java.util.concurrent.atomic.AtomicReference<>("?");
        java.util.concurrent.atomic.AtomicReference<String> what =
                new java.util.concurrent.atomic.AtomicReference<>("it could not describe itself");
        synchronized (arriving) {
            arriving.add(id);
        }
        try {
            InstalledServiceType installed = PluginArrival.ask("describe itself", () -> {
                ServiceType type = plugin.get();
                String given = type.code();
                code.set(String.valueOf(given));
                what.set("its form schema is not valid");
                FormDefinition definition = type.form();
                FormSchema form = FormSchema.compile(definition.jsonSchema());
                what.set("its code, workflow or catalogue service ids are not valid");
                return new InstalledServiceType(type, given, definition, form, origin);
            }, arrivalLimit);
            synchronized (arriving) {
                if (!arriving.remove(id)) {
                    return; // it left while it was asked
                }
                serviceTypes.put(id, installed);
            }
            InstalledServiceType before = serviceTypesByCode.get(installed.code());
            Changes changes = publish();
            InstalledServiceType served = serviceTypesByCode.get(installed.code());
            if (served != null && served != installed) {
                LOG.warn("Service '{}' from {} {} waits: {} {} is served for that code (a higher version, or the same "
                        + "version and a name first in alphabetical order)", installed.code(), origin.bundle(),
                        origin.version(), served.origin().bundle(), served.origin().version());
            } else if (before != null && before != installed) {
                LOG.info("Service '{}' (form {}) from {} {} is served instead of {} {}, which waits", installed.code(),
                        installed.formVersion(), origin.bundle(), origin.version(), before.origin().bundle(),
                        before.origin().version());
            } else {
                LOG.info("Service '{}' (form {}) installed from {} {}", installed.code(), installed.formVersion(),
                        origin.bundle(), origin.version());
            }
            tell(changes);
        } catch (PluginArrival.NoAnswer e) {
            refuse(id, code.get(), origin, "it hangs", e);
        } catch (RuntimeException | Error e) {
            refuse(id, code.get(), origin, what.get(), e);
        }
    }

    /** A broken plugin is refused alone; everything else keeps serving. */
    private void refuse(long id, String code, PluginOrigin origin, String why, Throwable e) {
        synchronized (arriving) {
            if (!arriving.remove(id)) {
                return; // it left while it was asked
            }
            refused.put(id, new PluginInfo(PluginInfo.REFUSED, code, why + ": " + e.getMessage(), origin.bundle(),
                    origin.version(), "nothing", PluginInfo.REFUSED));
        }
        LOG.error("Service plugin {} {} refused: {}: {}", origin.bundle(), origin.version(), why,
                e instanceof PluginArrival.NoAnswer ? e.getMessage() : e.toString());
    }

    void removeServiceType(ServiceType type, ServiceReference<ServiceType> reference) {
        long id = serviceId(reference);
        InstalledServiceType gone;
        synchronized (arriving) {
            arriving.remove(id);
            refused.remove(id);
            gone = serviceTypes.remove(id);
        }
        if (gone != null) {
            Changes changes = publish();
            LOG.info("Service '{}' uninstalled", gone.code());
            tell(changes);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRegion(RegionCatalogue catalogue, ServiceReference<RegionCatalogue> reference) {
        PluginOrigin origin = PluginOrigin.of(reference.getBundle());
        RegionIndex region = new RegionIndex(catalogue, origin);
        regions.put(serviceId(reference), region);
        RegionIndex before = regionsById.get(region.id());
        Changes changes = publish();
        RegionIndex served = regionsById.get(region.id());
        if (served != null && served != region) {
            LOG.warn("Region '{}' from {} {} waits: {} {} is served for that region (a higher version, or the same "
                    + "version and a name first in alphabetical order)", region.id(), origin.bundle(), origin.version(),
                    served.origin().bundle(), served.origin().version());
        } else if (before != null && before != region) {
            LOG.info("Region '{}' from {} {} is served instead of {} {}, which waits: {} offerings of {} services",
                    region.id(), origin.bundle(), origin.version(), before.origin().bundle(), before.origin().version(),
                    catalogue.offerings().size(), catalogue.services().size());
        } else {
            LOG.info("Region '{}' installed from {} {}: {} offerings of {} services", region.id(), origin.bundle(),
                    origin.version(), catalogue.offerings().size(), catalogue.services().size());
        }
        tell(changes);
    }

    void removeRegion(RegionCatalogue catalogue, ServiceReference<RegionCatalogue> reference) {
        RegionIndex gone = regions.remove(serviceId(reference));
        if (gone != null) {
            Changes changes = publish();
            LOG.info("Region '{}' uninstalled", gone.id());
            tell(changes);
        }
    }

    /** Tells a listener what is served now, then every change after that (see {@link ServedPluginsListener}). */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(ServedPluginsListener listener) {
        listeners.add(listener); // first: a change from now on reaches it, one before is in what it is told below
        tell(listener, new Changes(List.copyOf(serviceTypesByCode.values()), List.copyOf(regionsById.values())));
    }

    void removeListener(ServedPluginsListener listener) {
        listeners.remove(listener);
    }

    /** What a change started serving. */
    private record Changes(List<InstalledServiceType> serviceTypes, List<RegionIndex> regions) {
    }

    private void tell(Changes changes) {
        listeners.forEach(listener -> tell(listener, changes));
    }

    private static void tell(ServedPluginsListener listener, Changes changes) {
        changes.serviceTypes().forEach(type -> tell(() -> listener.serviceTypeServed(type)));
        changes.regions().forEach(region -> tell(() -> listener.regionServed(region)));
    }

    private static void tell(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            // What is served does not depend on who is told about it.
            LOG.warn("A listener to the plugins served failed: {}", e.toString());
        }
    }

    /** Rebuilds what requests read; answers what is served now that was not before. */
    private synchronized Changes publish() {
        Map<String, RegionIndex> byId = new TreeMap<>();
        regions.values().forEach(r -> byId.merge(r.id(), r, (a, b) -> served(a, b, RegionIndex::origin)));
        Map<String, InstalledServiceType> byCode = new TreeMap<>();
        serviceTypes.values().forEach(t -> byCode.merge(t.code(), t,
                (a, b) -> served(a, b, InstalledServiceType::origin)));
        Map<String, RegionIndex> regionsBefore = regionsById;
        Map<String, InstalledServiceType> serviceTypesBefore = serviceTypesByCode;
        regionsById = Collections.unmodifiableMap(byId);
        serviceTypesByCode = Collections.unmodifiableMap(byCode);
        return new Changes(
                byCode.values().stream().filter(t -> serviceTypesBefore.get(t.code()) != t).toList(),
                byId.values().stream().filter(r -> regionsBefore.get(r.id()) != r).toList());
    }

    /** Of two plugins for one code or region (the first registered earlier), the one served. */
    private static <T> T served(T earlier, T later, java.util.function.Function<T, PluginOrigin> origin) {
        return PluginOrigin.SERVED_FIRST.compare(origin.apply(earlier), origin.apply(later)) <= 0 ? earlier : later;
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty("service.id");
    }

    @Override
    public Optional<InstalledServiceType> serviceType(String code) {
        return Optional.ofNullable(serviceTypesByCode.get(code));
    }

    @Override
    public Collection<InstalledServiceType> serviceTypes() {
        return serviceTypesByCode.values();
    }

    @Override
    public Optional<InstalledServiceType> serviceTypeFor(int catalogueServiceId) {
        // two types may claim one catalogue service: the same one, the first by code, on every node and every call
        return serviceTypesByCode.values().stream()
                .filter(t -> t.catalogueServiceIds().contains(catalogueServiceId))
                .min(java.util.Comparator.comparing(InstalledServiceType::code));
    }

    @Override
    public Optional<RegionIndex> region(String id) {
        return Optional.ofNullable(regionsById.get(id));
    }

    @Override
    public Collection<RegionIndex> regions() {
        return regionsById.values();
    }

    @Override
    public PluginCounts counts() {
        return new PluginCounts(regionsById.size(), serviceTypesByCode.size());
    }

    @Override
    public List<PluginInfo> plugins() {
        List<PluginInfo> plugins = new ArrayList<>();
        for (RegionIndex r : regions()) {
            plugins.add(new PluginInfo("region", r.id(), r.catalogue().region().name().uk(), r.origin().bundle(),
                    r.origin().version(), r.catalogue().offerings().size() + " offerings of "
                    + r.catalogue().services().size() + " services"));
        }
        for (InstalledServiceType t : serviceTypes()) {
            plugins.add(new PluginInfo("service", t.code(), t.name().uk(), t.origin().bundle(),
                    t.origin().version(), "form " + t.formVersion()
                    + (t.workflow().equals(ua.igov.platform.spi.Workflow.DEFAULT) ? ", default" : ", own")
                    + " workflow, for catalogue services " + new java.util.TreeSet<>(t.catalogueServiceIds())));
        }
        serviceTypes.values().forEach(t -> waiting("service", t.code(), t, t.origin(),
                serviceTypesByCode.get(t.code()), InstalledServiceType::origin).ifPresent(plugins::add));
        regions.values().forEach(r -> waiting("region", r.id(), r, r.origin(), regionsById.get(r.id()),
                RegionIndex::origin).ifPresent(plugins::add));
        plugins.addAll(refused.values());
        for (SpiCompatibility.Incompatible plugin : SpiCompatibility.find(context)) {
            plugins.add(new PluginInfo(PluginInfo.REFUSED, "bundle " + plugin.bundle().getBundleId(), plugin.reason(),
                    plugin.bundle().getSymbolicName(), plugin.bundle().getVersion().toString(), "nothing",
                    PluginInfo.REFUSED));
        }
        for (org.osgi.framework.Bundle bundle : context.getBundles()) {
            RegionExtender.refusal(bundle).ifPresent(why -> plugins.add(new PluginInfo(PluginInfo.REFUSED,
                    "bundle " + bundle.getBundleId(), why, bundle.getSymbolicName(), bundle.getVersion().toString(),
                    "nothing", PluginInfo.REFUSED)));
        }
        plugins.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id));
        return plugins;
    }

    /** A plugin that is not the one served for its id: listed as waiting, naming the one served instead. */
    private static <T> Optional<PluginInfo> waiting(String kind, String id, T plugin, PluginOrigin own, T served,
                                                    java.util.function.Function<T, PluginOrigin> origin) {
        if (served == null || served == plugin) {
            return Optional.empty();
        }
        PluginOrigin serving = origin.apply(served);
        return Optional.of(new PluginInfo(kind, id, "waits: " + serving.bundle() + " " + serving.version() + " serves this "
                + kind, own.bundle(), own.version(), "nothing", PluginInfo.WAITING));
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }
}
