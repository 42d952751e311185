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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.core.ProblemException;
import ua.igov.platform.spi.SubmissionRejectedException;

/**
 * Runs a plugin's code so that a plugin that throws or hangs fails only the request that called it: an exception
 * becomes a 502 problem, a call that outlasts its time a 504, and the platform's own threads never wait longer than
 * that. Calls run on a small pool of their own; when it is full, the request is refused (503) rather than queued.
 *
 * <p>A call that outlasts its time is abandoned, but its thread may go on waiting (a socket read without a timeout
 * ignores the interrupt). So each service may hold only {@link #MAX_CALLS_PER_SERVICE} threads, counted until its
 * calls really return: a plugin stuck for good uses up its own share and then gets 503 at once, while every other
 * service keeps the rest of the pool. The share belongs to one registration of the plugin: a fixed version deployed
 * over a stuck one gets a share of its own at once. A service code holds at most {@link #MAX_CALLS_PER_SERVICE_CODE}
 * whatever the number of its registrations, so redeploying a plugin that still hangs cannot take the whole pool.
 */
final class PluginGuard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginGuard.class);
    static final int MAX_CONCURRENT_CALLS = 64;
    static final int MAX_CALLS_PER_SERVICE = 16;
    static final int MAX_CALLS_PER_SERVICE_CODE = 2 * MAX_CALLS_PER_SERVICE;

    /** Plugin code, which may answer with a citizen-facing rejection. */
    @FunctionalInterface
    interface PluginCall<T> {
        T call() throws SubmissionRejectedException;
    }

    /** A plugin that fails every call would otherwise log a line, often with a stack trace, per request. */
    private final LogThrottle logThrottle = new LogThrottle(Duration.ofMinutes(1));
    /** The share every registration of a service code counts in too. */
    private static final Object ALL_REGISTRATIONS = new Object();
    private volatile Duration timeout;
    private final ThreadPoolExecutor pool;
    private final int perService;
    private final int perServiceCode;
    /** Calls under way, abandoned ones included, until they return: per plugin object, and per service code. */
    private final CallShares inFlight = new CallShares();

    PluginGuard(Duration timeout) {
        this(timeout, MAX_CALLS_PER_SERVICE);
    }

    PluginGuard(Duration timeout, int perService) {
        this.timeout = checked(timeout);
        this.perService = perService;
        this.perServiceCode = 2 * perService;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(0, MAX_CONCURRENT_CALLS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "igov-plugin-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Applies to calls that start from now on. */
    void timeout(Duration newTimeout) {
        this.timeout = checked(newTimeout);
    }

    Duration timeout() {
        return timeout;
    }

    /** No plugin call can finish in no time, and one that may run for more than ten minutes is not cut off at all. */
    static Duration checked(Duration timeout) {
        if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("pluginTimeoutMillis must be 1 to 600000, was " + timeout.toMillis());
        }
        return timeout;
    }

    <T> T call(String serviceCode, String what, PluginCall<T> call) throws SubmissionRejectedException {
        return call(serviceCode, null, what, call);
    }

    /**
     * Runs a call of {@code plugin}'s code (the plugin's object; null when the service code alone tells it) for the
     * service {@code serviceCode}.
     */
    <T> T call(String serviceCode, Object plugin, String what, PluginCall<T> call) throws SubmissionRejectedException {
        return call(serviceCode, serviceCode, perService, plugin, what, call);
    }

    /**
     * As {@link #call(String, Object, String, PluginCall)}, counted in the registration's share named {@code share},
     * of at most {@code shareLimit} calls, and, like every call of the service, in the service code's share: however many
     * shares a plugin has, its code holds at most {@link #MAX_CALLS_PER_SERVICE_CODE} threads.
     */
    private <T> T call(String serviceCode, String share, int shareLimit, Object plugin, String what, PluginCall<T> call)
            throws SubmissionRejectedException {
        boolean entered = inFlight.enter(share, plugin, shareLimit);
        if (entered && !inFlight.enter(serviceCode, ALL_REGISTRATIONS, perServiceCode)) {
            inFlight.leave(share, plugin);
            entered = false;
        }
        if (!entered) {
            long heldBack = logThrottle.admit(share + " busy");
            if (heldBack != LogThrottle.HOLD_BACK) {
                LOG.warn("Service plugin '{}' has all the calls it may have under way or stuck ({} per registration, {} "
                        + "in all); refusing more until they return{}", share, shareLimit, perServiceCode,
                        LogThrottle.heldBackNote(heldBack));
            }
            throw new ProblemException(503, "unavailable", "Temporarily unavailable",
                    "The service '" + serviceCode + "' is not answering right now. Please try again later.");
        }
        java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.leave(serviceCode, ALL_REGISTRATIONS);
                inFlight.leave(share, plugin);
            }
        };
        Future<T> future;
        try {
            future = pool.submit((Callable<T>) () -> {
                started.set(true);
                try {
                    return call.call();
                } finally {
                    release.run(); // only when the plugin's code really returned, however long after its time
                }
            });
        } catch (RejectedExecutionException busy) {
            release.run();
            throw new ProblemException(503, "unavailable", "Temporarily unavailable",
                    "The service is busy right now. Please try again in a minute.");
        }
        Duration limit = timeout;
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SubmissionRejectedException rejected) {
                throw rejected;
            }
            if (e.getCause() instanceof ProblemException problem) {
                throw problem;
            }
            long heldBack = logThrottle.admit(serviceCode + " failed " + what + " " + e.getCause().getClass().getName());
            if (heldBack != LogThrottle.HOLD_BACK) {
                LOG.error("Service plugin '{}' failed in {}: {}{}", serviceCode, what, e.getCause().toString(),
                        LogThrottle.heldBackNote(heldBack), e.getCause());
            }
            throw new ProblemException(502, "plugin-failed", "The service failed",
                    "The service '" + serviceCode + "' could not " + what + " because of an error in its plugin. Nothing "
                            + "was changed; the operators have been told. Please try again later.");
        } catch (TimeoutException e) {
            if (future.cancel(true) && !started.get()) {
                release.run(); // cancelled before it ran: it never will
            }
            long heldBack = logThrottle.admit(serviceCode + " timeout " + what);
            if (heldBack != LogThrottle.HOLD_BACK) {
                LOG.error("Service plugin '{}' did not {} within {} ms; abandoned{}", serviceCode, what,
                        limit.toMillis(), LogThrottle.heldBackNote(heldBack));
            }
            throw new ProblemException(504, "plugin-timeout", "The service did not answer",
                    "The service '" + serviceCode + "' did not " + what + " in time. Nothing was changed. Please try "
                            + "again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (future.cancel(true) && !started.get()) {
                release.run();
            }
            throw new ProblemException(503, "unavailable", "Temporarily unavailable", "The request was interrupted.");
        }
    }

    /** Calls under way of the service's plugin object (for tests). */
    int underWay(String serviceCode, Object plugin) {
        return inFlight.underWay(serviceCode, plugin);
    }

    /** For calls that cannot reject a submission. */
    <T> T callUnchecked(String serviceCode, String what, Callable<T> call) {
        return callUnchecked(serviceCode, null, what, call);
    }

    /** For calls that cannot reject a submission, of one plugin object (see {@link #call(String, Object, String, PluginCall)}). */
    <T> T callUnchecked(String serviceCode, Object plugin, String what, Callable<T> call) {
        return callUnchecked(serviceCode, serviceCode, perService, plugin, what, call);
    }

    /**
     * For a part of a plugin that must not use up the share its submissions need (its notification texts): a share
     * of the registration's own, a quarter of the usual one, so that a plugin stuck in both its handler and that part
     * leaves room in its service code's share for a fixed version deployed over it.
     */
    <T> T callUncheckedInPart(String serviceCode, String part, Object plugin, String what, Callable<T> call) {
        return callUnchecked(serviceCode, part, Math.max(1, perService / 4), plugin, what, call);
    }

    private <T> T callUnchecked(String serviceCode, String share, int limit, Object plugin, String what, Callable<T> call) {
        try {
            return call(serviceCode, share, limit, plugin, what, () -> {
                try {
                    return call.call();
                } catch (SubmissionRejectedException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (SubmissionRejectedException e) {
            throw new IllegalStateException("this call cannot reject", e);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
