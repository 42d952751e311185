package ua.igov.platform.rest.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import ua.igov.platform.core.ProblemException;

/**
 * Places for files being received on this node. A file is held in memory from its first byte until it is stored
 * (up to 5 MiB each), so there are {@code total} places in all; and since a file holds its place while it arrives
 * over the network, one caller may take only {@code perCaller} of them, or one citizen sending slowly would keep
 * everyone else's files out.
 */
final class UploadPlaces {

    private final int perCaller;
    private final Semaphore free;
    private final ConcurrentHashMap<String, Integer> byCaller = new ConcurrentHashMap<>();

    UploadPlaces(int total, int perCaller) {
        this.perCaller = perCaller;
        this.free = new Semaphore(total);
    }

    /** A place taken; closing gives it back. */
    interface Place extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * @throws ProblemException 429 when the caller has all their places, 503 when the node has none left; both say
     *         to retry after a second
     */
    Place take(String caller) {
        if (byCaller.merge(caller, 1, Integer::sum) > perCaller) {
            leave(caller);
            throw new ProblemException(429, "too-many-uploads", "Too many uploads at once", "You are sending "
                    + perCaller + " files already; send this one when they are done.", List.of(), Duration.ofSeconds(1));
        }
        if (!free.tryAcquire()) {
            leave(caller);
            throw new ProblemException(503, "unavailable", "Service unavailable", "Too many files are being uploaded "
                    + "to this server right now; send yours again in a moment.", List.of(), Duration.ofSeconds(1));
        }
        return () -> {
            free.release();
            leave(caller);
        };
    }

    private void leave(String caller) {
        byCaller.computeIfPresent(caller, (who, n) -> n <= 1 ? null : n - 1);
    }
}
