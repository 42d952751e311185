package ua.igov.platform.rest.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the requests inside the API so that stopping it waits for them. Why: the API stops whenever a service it
 * uses is replaced (an operator editing a node's settings, a realm coming back), and Jersey torn down under a request
 * still running answers that request with an empty 500, after the citizen's application may have been stored. A stop
 * lets every request under way finish with its own answer, and refuses new ones (they are told to repeat in a second,
 * when the API's successor serves them).
 *
 * <p>Every request passes here, so entering and leaving take no lock: a counter and a flag, checked again after
 * counting in, so that a request that slipped past a beginning stop leaves at once instead of running unawaited. Only
 * the last request out of a stopping API takes the lock, to wake the stop.
 */
final class RequestsUnderWay {

    private final AtomicInteger underWay = new AtomicInteger();
    private volatile boolean stopping;
    private final Object drained = new Object();

    /** @return false when the API is stopping: the request must not start */
    boolean enter() {
        if (stopping) {
            return false;
        }
        underWay.incrementAndGet();
        if (stopping) {
            leave();
            return false;
        }
        return true;
    }

    /** After each {@link #enter()} that returned true, however the request ended. */
    void leave() {
        if (underWay.decrementAndGet() == 0 && stopping) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Serving again, after a {@link #stop} (the servlet container may initialise the servlet anew). */
    void open() {
        stopping = false;
    }

    /**
     * Refuses new requests and waits until those under way have finished, for at most {@code limit}.
     *
     * @return how many requests were still under way when the wait ended (0: all finished)
     */
    int stop(Duration limit) {
        stopping = true;
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (drained) {
            // checked under the lock that leave() notifies under: a wake-up cannot fall between check and wait
            while (underWay.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    drained.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return underWay.get();
    }

    int count() {
        return underWay.get();
    }
}
