package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import ua.igov.platform.spi.RegionCatalogue;
import ua.igov.platform.store.DesiredPlugin;

class CatalogueHistoryRecorderTest {

    private final DerbyStores stores = new DerbyStores();

    @SuppressWarnings("unchecked")
    private static ServiceReference<RegionCatalogue> fromBundle(String version) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(CatalogueHistoryRecorderTest.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getVersion" -> Version.parseVersion(version);
                    case "getSymbolicName" -> "ua.igov.platform.igov-region-testland";
                    default -> null;
                });
        return (ServiceReference<RegionCatalogue>) Proxy.newProxyInstance(
                CatalogueHistoryRecorderTest.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> method.getName().equals("getBundle") ? bundle : null);
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
        CatalogueHistoryRecorder recorder = new CatalogueHistoryRecorder(stores.catalogue, stores.cluster);
        try {
            recorder.addRegion(catalogue, fromBundle("0.1.0"));
            recorder.awaitRecorded();
            assertTrue(stores.catalogue.offeringHistory(catalogue.region().id(), offering).isEmpty(),
                    "the stale bundle's catalogue is not recorded");

            recorder.addRegion(catalogue, fromBundle("0.2.0"));
            recorder.awaitRecorded();
            assertEquals(1, stores.catalogue.offeringHistory(catalogue.region().id(), offering).size(),
                    "the decided version is");
        } finally {
            recorder.deactivate();
        }
    }

    @Test
    void withoutADecisionEveryCatalogueIsRecordedAndVersionsAreComparedAcrossSpellings() throws Exception {
        RegionCatalogue catalogue = RegionCatalogueReaderTest.fixture();
        CatalogueHistoryRecorder recorder = new CatalogueHistoryRecorder(stores.catalogue, stores.cluster);
        try {
            recorder.addRegion(catalogue, fromBundle("0.1.0"));
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
}
