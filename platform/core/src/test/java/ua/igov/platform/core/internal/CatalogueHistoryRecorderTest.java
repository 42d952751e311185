package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import ua.igov.platform.spi.RegionCatalogue;
import ua.igov.platform.store.DesiredPlugin;
import ua.igov.platform.store.OfferingStatusChange;

class CatalogueHistoryRecorderTest {

    private final DerbyStores stores = new DerbyStores();

    private static final org.osgi.framework.BundleContext NO_BUNDLES = (org.osgi.framework.BundleContext)
            Proxy.newProxyInstance(CatalogueHistoryRecorderTest.class.getClassLoader(),
                    new Class<?>[] {org.osgi.framework.BundleContext.class},
                    (proxy, method, args) -> method.getName().equals("getBundles") ? new Bundle[0] : null);
    private static long serviceIds = 1;

    @SuppressWarnings("unchecked")
    private static ServiceReference<RegionCatalogue> fromBundle(String version) {
        long serviceId = serviceIds++;
        Bundle bundle = (Bundle) Proxy.newProxyInstance(CatalogueHistoryRecorderTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getVersion" -> Version.parseVersion(version);
                    case "getSymbolicName" -> "ua.igov.platform.igov-region-testland";
                    default -> null;
                });
        return (ServiceReference<RegionCatalogue>) Proxy.newProxyInstance(
                CatalogueHistoryRecorderTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> "service.id".equals(args[0]) ? serviceId : null;
                    default -> null;
                });
    }

    /** A registry with the recorder listening, as DS wires them. */
    private final PluginRegistryImpl registry = new PluginRegistryImpl(NO_BUNDLES);
    private final CatalogueHistoryRecorder recorder = new CatalogueHistoryRecorder(stores.catalogue, stores.cluster,
            registry);

    {
        registry.addListener(recorder);
    }

    /**
     * A node that was down while the operators updated the region to 0.2.0 starts with its old 0.1.0 bundle: that one
     * is not written into the public history; 0.2.0 is, when the node's heartbeat brings it.
     */
    @Test
    void aCatalogueTheOperatorsDecidedAgainstIsNotRecorded() throws Exception {
        RegionCatalogue catalogue = RegionCatalogueReaderTest.fixture();
        int offering = catalogue.offerings().get(0).id();
        stores.cluster.desire(new DesiredPlugin("igov-region-" + catalogue.region().id(), "0.2.0", true, "operator",
                Instant.now()));
        try {
            registry.addRegion(catalogue, fromBundle("0.1.0"));
            recorder.awaitRecorded();
            assertTrue(stores.catalogue.offeringHistory(catalogue.region().id(), offering).isEmpty(),
                    "the stale bundle's catalogue is not recorded");

            registry.addRegion(catalogue, fromBundle("0.2.0"));
            recorder.awaitRecorded();
            assertEquals(1, stores.catalogue.offeringHistory(catalogue.region().id(), offering).size(),
                    "the decided version is");
        } finally {
            recorder.deactivate();
        }
    }

    /**
     * platform:plugin-update on this node: the new bundle is served a moment before the decision naming it is
     * stored. It is recorded once the decision is there, not left out of the history until the next restart.
     */
    @Test
    void theVersionAnOperatorDecidesIsRecordedThoughItIsServedBeforeTheDecisionIsStored() throws Exception {
        PluginRegistryImpl own = new PluginRegistryImpl(NO_BUNDLES);
        CatalogueHistoryRecorder quick = new CatalogueHistoryRecorder(stores.catalogue, stores.cluster, own,
                java.time.Duration.ofMillis(20), 250);
        own.addListener(quick);
        RegionCatalogue catalogue = RegionCatalogueReaderTest.fixture();
        String region = catalogue.region().id();
        int offering = catalogue.offerings().get(0).id();
        stores.cluster.desire(new DesiredPlugin("igov-region-" + region, "0.1.0", true, "operator", Instant.now()));
        try {
            own.addRegion(catalogue, fromBundle("0.2.0")); // the update installs the bundle first...
            quick.awaitRecorded();
            assertTrue(stores.catalogue.offeringHistory(region, offering).isEmpty(), "not while the decision says 0.1.0");
            stores.cluster.desire(new DesiredPlugin("igov-region-" + region, "0.2.0", true, "operator",
                    Instant.now())); // ...then stores the decision
            long until = System.nanoTime() + 5_000_000_000L;
            while (stores.catalogue.offeringHistory(region, offering).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertEquals(1, stores.catalogue.offeringHistory(region, offering).size());
        } finally {
            quick.deactivate();
        }
    }

    /** Before, a catalogue the database could not take was never recorded, or recorded at the next restart's time. */
    @Test
    void aCatalogueTheDatabaseCouldNotTakeIsRecordedLaterWithTheTimeItWasServed() throws Exception {
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger(3);
        ua.igov.platform.store.CatalogueStore away = (ua.igov.platform.store.CatalogueStore) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ua.igov.platform.store.CatalogueStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("recordCatalogue") && refusals.getAndDecrement() > 0) {
                        throw new ua.igov.platform.store.StoreException("connection refused", null);
                    }
                    try {
                        return method.invoke(stores.catalogue, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        PluginRegistryImpl own = new PluginRegistryImpl(NO_BUNDLES);
        CatalogueHistoryRecorder retrying = new CatalogueHistoryRecorder(away, stores.cluster, own,
                java.time.Duration.ofMillis(20), 60, java.time.Duration.ofMillis(20));
        own.addListener(retrying);
        RegionCatalogue catalogue = RegionCatalogueReaderTest.fixture();
        String region = catalogue.region().id();
        int offering = catalogue.offerings().get(0).id();
        Instant served = Instant.now();
        try {
            own.addRegion(catalogue, fromBundle("0.1.0"));
            Instant servedBy = Instant.now();
            long until = System.nanoTime() + 10_000_000_000L;
            while (stores.catalogue.offeringHistory(region, offering).isEmpty() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            List<OfferingStatusChange> history = stores.catalogue.offeringHistory(region, offering);
            assertEquals(1, history.size(), "recorded once the database took it");
            assertTrue(refusals.get() < 0, "after three refusals");
            assertTrue(!history.get(0).at().isBefore(served) && !history.get(0).at().isAfter(servedBy),
                    "dated when it was served, not when the database took it: " + history.get(0).at());
        } finally {
            retrying.deactivate();
        }
    }

    @Test
    void withoutADecisionEveryCatalogueIsRecordedAndVersionsAreComparedAcrossSpellings() throws Exception {
        RegionCatalogue catalogue = RegionCatalogueReaderTest.fixture();
        try {
            registry.addRegion(catalogue, fromBundle("0.1.0"));
            recorder.awaitRecorded();
            assertFalse(stores.catalogue.offeringHistory(catalogue.region().id(), catalogue.offerings().get(0).id())
                    .isEmpty());
        } finally {
            recorder.deactivate();
        }
        assertTrue(CatalogueHistoryRecorder.sameVersion("1.2.0-SNAPSHOT", "1.2.0.SNAPSHOT"));
        assertTrue(CatalogueHistoryRecorder.sameVersion("1.2", "1.2.0"));
        assertFalse(CatalogueHistoryRecorder.sameVersion("1.2.0", "1.2.1"));
    }

    /**
     * Two versions of one region on a node: the one served is recorded whatever order they arrived in; the one that
     * waits is not (it would write a step backwards into the public history), until the served one leaves.
     */
    @Test
    void onlyTheVersionServedIsRecorded() throws Exception {
        RegionCatalogue older = RegionCatalogueReaderTest.fixture();
        String text;
        try (java.io.InputStream in = getClass().getResourceAsStream("/fixtures/region-test.json")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        RegionCatalogue newer = RegionCatalogueReader.read(new java.io.ByteArrayInputStream(text
                .replace("\"availability\": \"coming_soon\"", "\"availability\": \"online\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "2.0.0");
        String region = older.region().id();
        try {
            ServiceReference<RegionCatalogue> newerReference = fromBundle("0.2.0");
            registry.addRegion(newer, newerReference);
            registry.addRegion(older, fromBundle("0.1.0")); // arrives later, waits
            recorder.awaitRecorded();
            assertEquals(List.of("online"), stores.catalogue.offeringHistory(region, 101).stream()
                    .map(OfferingStatusChange::to).toList(), "the waiting 0.1.0 is not recorded");

            registry.removeRegion(newer, newerReference);
            recorder.awaitRecorded();
            assertEquals(List.of("online", "coming_soon"), stores.catalogue.offeringHistory(region, 101).stream()
                    .map(OfferingStatusChange::to).toList(), "0.1.0 is served now, and recorded");
        } finally {
            recorder.deactivate();
        }
    }
}
