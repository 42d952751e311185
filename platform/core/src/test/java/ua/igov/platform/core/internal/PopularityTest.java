package ua.igov.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import ua.igov.platform.store.CatalogueStore;
import ua.igov.platform.store.OfferingState;
import ua.igov.platform.store.OfferingStatusChange;

class PopularityTest {

    /** A store whose counting the test holds until it lets go, counting how often it was asked. */
    private static class HeldCounts implements CatalogueStore {
        final AtomicInteger asked = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);
        volatile long count = 1;

        @Override
        public Map<Integer, Long> applicationCounts(String regionId) {
            asked.incrementAndGet();
            try {
                hold.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of(29, count);
        }

        @Override
        public int recordCatalogue(String regionId, String version, List<OfferingState> offerings, Instant at) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<OfferingStatusChange> offeringHistory(String regionId, int offeringId) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void staleCountsAreCountedAgainOnceWhileTheOtherSearchesRankWithTheOldOnes() throws Exception {
        HeldCounts store = new HeldCounts();
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        Popularity popularity = new Popularity(store, clock);
        assertEquals(Map.of(29, 1L), popularity.counts("lviv"));
        assertEquals(Map.of(29, 1L), popularity.counts("lviv"));
        assertEquals(1, store.asked.get(), "fresh counts are not counted again");

        now.set(now.get().plus(Popularity.FRESH_FOR).plusSeconds(1));
        store.count = 2;
        store.hold = new CountDownLatch(1);
        ExecutorService searches = Executors.newFixedThreadPool(8);
        try {
            Future<Map<Integer, Long>> recount = searches.submit(() -> popularity.counts("lviv"));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.asked.get() < 2 && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            List<Future<Map<Integer, Long>>> others = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                others.add(searches.submit(() -> popularity.counts("lviv")));
            }
            for (Future<Map<Integer, Long>> other : others) {
                assertEquals(Map.of(29, 1L), other.get(5, TimeUnit.SECONDS), "answered at once with the older counts");
            }
            assertEquals(2, store.asked.get(), "one recount, not eight");
            store.hold.countDown();
            assertEquals(Map.of(29, 2L), recount.get(10, TimeUnit.SECONDS));
            assertEquals(Map.of(29, 2L), popularity.counts("lviv"), "the new counts are kept");
            assertEquals(2, store.asked.get());
        } finally {
            searches.shutdownNow();
        }
    }

    /** The database away: a search ranks without counts, the most-requested list is "cannot be counted", not empty. */
    @Test
    void withTheDatabaseAwayTheCountsAreUnknownNotNone() {
        HeldCounts down = new HeldCounts() {
            @Override
            public Map<Integer, Long> applicationCounts(String regionId) {
                throw new ua.igov.platform.store.StoreException("count applications", new java.sql.SQLException("gone"));
            }
        };
        Popularity popularity = new Popularity(down, Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));
        assertEquals(Map.of(), popularity.counts("lviv"));
        assertEquals(java.util.Optional.empty(), popularity.known("lviv"));
    }
}
