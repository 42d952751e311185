package ua.igov.platform.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Version;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.spi.RegionCatalogue;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.ClusterStore;
import ua.igov.platform.store.OfferingState;

/**
 * Writes down what changed each time this node starts serving a region's catalogue (installed or updated, or a
 * waiting version taking over), so the platform can say when a service went online in a place. Every node does this;
 * the store records a change only once. A version that waits while another is served is not recorded.
 *
 * <p>A catalogue is not recorded while the operators' decision for its region (see {@code platform:plugin-update})
 * names another version or its removal: a node that was down during an update starts its old bundle before its first
 * heartbeat brings it in line, and recording that one would write the update backwards into the public history
 * (offerings withdrawn, then added again with new dates). The decided version is recorded when it arrives. On the
 * node where the operator decides, the new version is served a moment before the decision is stored: a catalogue
 * ruled out is therefore looked at again every second, for a minute, as long as it is the one served.
 *
 * <p>A catalogue that could not be recorded (the database away for a moment) is tried again, after 5 seconds and then
 * twice as long each time up to 5 minutes, as long as it is the one served, with the time it began to be served:
 * while it is served, the history loses none of its changes, and dates none at the next restart.
 */
@Component(service = ServedPluginsListener.class, immediate = true)
public class CatalogueHistoryRecorder implements ServedPluginsListener {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueHistoryRecorder.class);

    private final CatalogueStore store;
    private final ClusterStore cluster;
    private final InstalledPlugins plugins;
    private final Clock clock = Clock.systemUTC();
    /** Recording is database work; it must not hold up the region bundle's start. One at a time, in order. */
    private final ScheduledExecutorService recorder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "igov-catalogue-history");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration recheck;
    private final int rechecks;
    /** The wait before the first retry of a catalogue that could not be recorded; it doubles up to {@link #LONGEST_RETRY}. */
    private final Duration firstRetry;
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    @Activate
    public CatalogueHistoryRecorder(@Reference CatalogueStore store, @Reference ClusterStore cluster,
                                    @Reference InstalledPlugins plugins) {
        this(store, cluster, plugins, Duration.ofSeconds(1), 60, Duration.ofSeconds(5));
    }

    CatalogueHistoryRecorder(CatalogueStore store, ClusterStore cluster, InstalledPlugins plugins, Duration recheck,
                             int rechecks) {
        this(store, cluster, plugins, recheck, rechecks, Duration.ofSeconds(5));
    }

    CatalogueHistoryRecorder(CatalogueStore store, ClusterStore cluster, InstalledPlugins plugins, Duration recheck,
                             int rechecks, Duration firstRetry) {
        this.store = store;
        this.cluster = cluster;
        this.plugins = plugins;
        this.recheck = recheck;
        this.rechecks = rechecks;
        this.firstRetry = firstRetry;
    }

    @Deactivate
    void deactivate() {
        recorder.shutdownNow();
    }

    @Override
    public void regionServed(RegionIndex region) {
        RegionCatalogue catalogue = region.catalogue();
        String bundleVersion = region.origin().version();
        List<OfferingState> states = catalogue.offerings().stream()
                .map(o -> new OfferingState(o.id(), o.serviceId(), o.placeId(), o.availability().wireName()))
                .toList();
        java.time.Instant at = clock.instant();
        recorder.execute(() -> record(region, bundleVersion, states, at, rechecks, 0));
    }

    private void record(RegionIndex region, String bundleVersion, List<OfferingState> states, java.time.Instant at,
                        int rechecksLeft, int failures) {
        RegionCatalogue catalogue = region.catalogue();
        if (plugins.region(region.id()).orElse(null) != region) {
            return; // another version took its place meanwhile, and is recorded in its turn
        }
        try {
            Optional<String> otherwise = decidedOtherwise(catalogue.region().id(), bundleVersion);
            if (otherwise.isPresent()) {
                if (rechecksLeft > 0) { // the decision for it may be on its way
                    recorder.schedule(() -> record(region, bundleVersion, states, at, rechecksLeft - 1, failures),
                            recheck.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                LOG.info("Region '{}' {} from bundle {} not recorded in the catalogue history: {}",
                        catalogue.region().id(), catalogue.version(), bundleVersion, otherwise.get());
                return;
            }
            // another node may record the same catalogue at the same moment
            OnceMore.run(() -> {
                int changes = store.recordCatalogue(catalogue.region().id(), catalogue.version(), states, at);
                if (failures > 0) {
                    LOG.info("Region '{}' {}: catalogue history recorded after {} failed attempts",
                            catalogue.region().id(), catalogue.version(), failures);
                }
                if (changes > 0) {
                    LOG.info("Region '{}' {}: {} offering changes recorded", catalogue.region().id(), catalogue.version(), changes);
                }
            });
        } catch (RuntimeException e) {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(failures, 16));
            wait = wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
            if (failures % 12 == 0) { // the first time, then about once an hour: a lasting fault, not a flood
                LOG.warn("Could not record the catalogue history of region '{}' ({}); trying again in {}",
                        catalogue.region().id(), e.getMessage(), wait);
            } else {
                LOG.debug("Catalogue history of region '{}' still not recorded ({})", catalogue.region().id(),
                        e.getMessage());
            }
            try {
                recorder.schedule(() -> record(region, bundleVersion, states, at, rechecksLeft, failures + 1),
                        wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                // this component is stopping: the next start records the catalogue it serves then
            }
        }
    }

    /** Why the operators' decision for the region rules this bundle version out, or empty if it does not. */
    private Optional<String> decidedOtherwise(String regionId, String bundleVersion) {
        String feature = "igov-region-" + regionId;
        return cluster.desiredPlugins().stream().filter(d -> d.feature().equals(feature)).findFirst().flatMap(d -> {
            if (!d.installed()) {
                return Optional.of("the operators decided to remove " + feature + " (this node follows at its next beat)");
            }
            if (d.version() != null && !sameVersion(d.version(), bundleVersion)) {
                return Optional.of("the operators decided " + feature + " " + d.version()
                        + " (this node follows at its next beat, and that version is recorded then)");
            }
            return Optional.empty();
        });
    }

    /** A feature's version and a bundle's, in Maven's or OSGi's spelling ({@code 1.2.0-SNAPSHOT}, {@code 1.2.0.SNAPSHOT}). */
    static boolean sameVersion(String featureVersion, String bundleVersion) {
        try {
            return Version.parseVersion(featureVersion.replace('-', '.'))
                    .equals(Version.parseVersion(bundleVersion.replace('-', '.')));
        } catch (IllegalArgumentException notAVersion) {
            return featureVersion.equals(bundleVersion);
        }
    }

    /** Waits until every catalogue that arrived so far is recorded, or waits for a decision: for tests. */
    void awaitRecorded() throws Exception {
        recorder.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

}
