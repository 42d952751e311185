package ua.igov.platform.core.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asks an arriving plugin what it is (its code, form and workflow; a channel's or a provider's id) on a thread of its
 * own, with a time limit. The core is told about a plugin's service on the thread that registered it: Karaf's feature
 * installer, which installs one feature at a time, or File Install's. A plugin that hangs while it is asked would stop
 * every later installation on the node, and with it the operators' plugin decisions; one that outlasts the limit is
 * refused instead. Its thread is abandoned (a plugin may ignore the interrupt), and at most {@link #THREADS} such
 * questions are under way or stuck at once: beyond that, plugins are refused at once until one returns.
 */
final class PluginArrival {

    static final Duration LIMIT = Duration.ofSeconds(10);
    static final int THREADS = 8;

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final ThreadPoolExecutor ASKING = new ThreadPoolExecutor(0, THREADS, 10, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "igov-plugin-arrival-" + NAMES.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    private PluginArrival() {
    }

    /** The plugin did not answer in time, or was not asked because too many others hang. */
    static final class NoAnswer extends IllegalStateException {
        NoAnswer(String message) {
            super(message);
        }
    }

    /** {@code question}'s answer, or what it threw, or {@link NoAnswer} if it took longer than the limit. */
    static <T> T ask(String what, Callable<T> question) {
        return ask(what, question, LIMIT);
    }

    static <T> T ask(String what, Callable<T> question, Duration limit) {
        Future<T> answer;
        try {
            answer = ASKING.submit(question);
        } catch (RejectedExecutionException e) {
            throw new NoAnswer("not asked to " + what + ": " + THREADS + " arriving plugins hang already");
        }
        try {
            return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new NoAnswer("did not " + what + " within " + limit.toMillis() + " ms");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted while asked to " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
