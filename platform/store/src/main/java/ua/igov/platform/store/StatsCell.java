package ua.igov.platform.store;

import java.util.List;
import java.util.Map;

/**
 * The statistics of one value of a dimension (one region, one service, ...) summed over a period: what the rollup
 * holds, before any percentile or share is worked out.
 *
 * @param value      the region id, place id, authority id, service code or official's login; {@code ""} for none
 * @param byStatus   applications by their status now, every status present (zero when none)
 * @param timed      decided applications whose deadline was known when decided
 * @param onTime     of those, decided by the deadline in force
 * @param histogram  decided applications by processing time, one count per bucket of {@link #BUCKET_UPPER_HOURS}
 */
public record StatsCell(String value, Map<String, Long> byStatus, long timed, long onTime, long ratingCount,
                        long ratingSum, long[] histogram) {

    /** The dimensions statistics are kept by. */
    public static final List<String> DIMENSIONS = List.of("region", "place", "authority", "service", "official");

    /** The statuses in the order they are kept. */
    public static final List<String> STATUSES = List.of("submitted", "in_review", "needs_information", "approved",
            "rejected", "issued", "cancelled");

    /** The statuses that end processing: the authority decided. Cancelled by the citizen is not a decision. */
    public static final List<String> DECIDED = List.of("rejected", "issued");

    /**
     * Upper edges, in hours, of the processing-time histogram's buckets (the first starts at 0). A percentile read
     * from them is reported as its bucket's upper edge: at most the bucket's width above the exact value (about as
     * wide as its lower edge for 2–8 h, 12–24 h and from 90 days on, at most half of it in the others from 8 h); the
     * last bucket takes everything longer than 180 days, so a time over 8760 h is reported as 8760 h.
     */
    public static final List<Integer> BUCKET_UPPER_HOURS = List.of(1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 216,
            264, 336, 432, 504, 672, 840, 1080, 1440, 2160, 4320, 8760);

    public StatsCell {
        byStatus = Map.copyOf(byStatus);
        histogram = histogram.clone();
    }

    /** Nothing counted yet: the start of a sum. */
    public static StatsCell empty(String value) {
        Map<String, Long> byStatus = new java.util.LinkedHashMap<>();
        STATUSES.forEach(s -> byStatus.put(s, 0L));
        return new StatsCell(value, byStatus, 0, 0, 0, 0, new long[BUCKET_UPPER_HOURS.size()]);
    }

    /** Both cells' counts together, under this cell's value. */
    public StatsCell plus(StatsCell other) {
        Map<String, Long> sum = new java.util.LinkedHashMap<>(byStatus);
        other.byStatus.forEach((s, n) -> sum.merge(s, n, Long::sum));
        long[] buckets = histogram.clone();
        for (int b = 0; b < buckets.length; b++) {
            buckets[b] += other.histogram[b];
        }
        return new StatsCell(value, sum, timed + other.timed, onTime + other.onTime, ratingCount + other.ratingCount,
                ratingSum + other.ratingSum, buckets);
    }

    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The bucket a processing time falls in: the first whose upper edge it does not pass. */
    public static int bucket(long seconds) {
        for (int i = 0; i < BUCKET_UPPER_HOURS.size() - 1; i++) {
            if (seconds <= BUCKET_UPPER_HOURS.get(i) * 3600L) {
                return i;
            }
        }
        return BUCKET_UPPER_HOURS.size() - 1;
    }
}
