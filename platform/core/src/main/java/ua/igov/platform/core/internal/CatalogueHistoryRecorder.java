package ua.igov.platform.core.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.spi.RegionCatalogue;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.OfferingState;

/**
 * Writes down what changed each time a region's catalogue arrives (installed or updated), so the platform can say
 * when a service went online in a place. Every node does this; the store records a change only once.
 */
@Component(immediate = true)
public class CatalogueHistoryRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueHistoryRecorder.class);

    private final CatalogueStore store;
    private final Clock clock = Clock.systemUTC();
    /** Recording is database work; it must not hold up the region bundle's start. One at a time, in order. */
    private final ExecutorService recorder = Executors.newSingleThreadExecutor(r -> new Thread(r, "igov-catalogue-history"));

    @Activate
    public CatalogueHistoryRecorder(@Reference CatalogueStore store) {
        this.store = store;
    }

    @Deactivate
    void deactivate() {
        recorder.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRegion(RegionCatalogue catalogue) {
        List<OfferingState> states = catalogue.offerings().stream()
                .map(o -> new OfferingState(o.id(), o.serviceId(), o.placeId(), o.availability().wireName()))
                .toList();
        java.time.Instant at = clock.instant();
        recorder.execute(() -> {
            try {
                // another node may record the same catalogue at the same moment
                OnceMore.run(() -> {
                    int changes = store.recordCatalogue(catalogue.region().id(), catalogue.version(), states, at);
                    if (changes > 0) {
                        LOG.info("Region '{}' {}: {} offering changes recorded", catalogue.region().id(), catalogue.version(), changes);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not record the catalogue history of region '{}': {}", catalogue.region().id(), e.getMessage());
            }
        });
    }

    void removeRegion(RegionCatalogue catalogue) {
        // A region leaving this node is not a change of its catalogue: nothing to record.
    }
}
