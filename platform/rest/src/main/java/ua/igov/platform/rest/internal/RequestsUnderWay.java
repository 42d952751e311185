package ua.igov.platform.rest.internal;

import java.time.Duration;

/**
 * Counts the requests inside the API so that stopping it waits for them. Why: the API stops whenever a service it
 * uses is replaced (an operator editing a node's settings, a realm coming back), and Jersey torn down under a request
 * still running answers that request with an empty 500, after the citizen's application may have been stored. A stop
 * lets every request under way finish with its own answer, and refuses new ones (they are told to repeat in a second,
 * when the API's successor serves them).
 */
final class RequestsUnderWay {

    private final Object lock = new Object();
    private int underWay;
    private boolean stopping;

    /** @return false when the API is stopping: the request must not start */
    boolean enter() {
        synchronized (lock) {
            if (stopping) {
                return false;
            }
            underWay++;
            return true;
        }
    }

    /** After each {@link #enter()} that returned true, however the request ended. */
    void leave() {
        synchronized (lock) {
            underWay--;
            if (underWay == 0) {
                lock.notifyAll();
            }
        }
    }

    /** Serving again, after a {@link #stop} (the servlet container may initialise the servlet anew). */
    void open() {
        synchronized (lock) {
            stopping = false;
        }
    }

    /**
     * Refuses new requests and waits until those under way have finished, for at most {@code limit}.
     *
     * @return how many requests were still under way when the wait ended (0: all finished)
     */
    int stop(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            stopping = true;
            while (underWay > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return underWay;
        }
    }

    int count() {
        synchronized (lock) {
            return underWay;
        }
    }
}
