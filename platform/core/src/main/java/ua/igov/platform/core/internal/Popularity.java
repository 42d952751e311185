package ua.igov.platform.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.StoreException;

/**
 * Application counts per catalogue service, for ranking search results and listing what is most requested.
 * Counting is a database query, so answers are kept for a short while: a bounded, self-expiring cache, so nodes
 * may differ by at most that long and nothing needs invalidating.
 */
final class Popularity {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);
    private static final String EVERYWHERE = "";

    private record Counts(Map<Integer, Long> byService, Instant takenAt) {
    }

    private final CatalogueStore store;
    private final Clock clock;
    private final Map<String, Counts> cache = new ConcurrentHashMap<>();
    /** The keys being counted again now: one query per key and node, whoever else asks meanwhile. */
    private final Set<String> recounting = ConcurrentHashMap.newKeySet();

    Popularity(CatalogueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Applications per catalogue service in a region, or everywhere for {@code null}; empty if the database is down. */
    Map<Integer, Long> counts(String regionId) {
        return known(regionId).orElse(Map.of()); // a search ranks without them rather than fail
    }

    /**
     * The counts, or empty while the database is down and none were counted before: a list of the most requested
     * must say it cannot be made, not show an empty list as if nothing had been asked for.
     */
    java.util.Optional<Map<Integer, Long>> known(String regionId) {
        String key = regionId == null ? EVERYWHERE : regionId;
        Instant now = clock.instant();
        Counts counts = cache.get(key);
        if (counts != null && !counts.takenAt().plus(FRESH_FOR).isBefore(now)) {
            return java.util.Optional.of(counts.byService());
        }
        // Only the first to find the counts stale counts again; the others rank with counts a little older.
        // Without this, every search that arrives while they are stale runs the same GROUP BY over all applications.
        // (With no counts at all yet, each asker counts: that happens once per region and node.)
        boolean recount = counts != null;
        if (recount && !recounting.add(key)) {
            return java.util.Optional.of(counts.byService());
        }
        try {
            counts = new Counts(Map.copyOf(store.applicationCounts(regionId)), now);
        } catch (StoreException e) {
            return counts == null ? java.util.Optional.empty() : java.util.Optional.of(counts.byService());
        } finally {
            if (recount) {
                recounting.remove(key);
            }
        }
        if (cache.size() > 1_000) {
            cache.clear(); // region ids come from the catalogue, but keep the bound anyway
        }
        cache.put(key, counts);
        return java.util.Optional.of(counts.byService());
    }
}
