package ua.igov.platform.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ua.igov.platform.store.OutboxStore;

/**
 * Keeps a node's leases alive while one of its sends is under way. Without it a send that outlasts its lease (an
 * SMTP server answering after minutes) lets another node take the message over as "in doubt" and send it a second
 * time while the first send is still going on. With it, a lease runs out only when the node holding it stops
 * renewing: it died, or lost the database, and then taking over is right.
 *
 * <p>Renewals run on a timer thread of their own, every third of the lease, so a lane blocked in a send still renews.
 */
final class LeaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final OutboxStore store;
    private final String owner;
    private final Duration lease;
    private final Clock clock;
    private ScheduledExecutorService timer;

    LeaseKeeper(OutboxStore store, String owner, Duration lease, Clock clock) {
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.clock = clock;
    }

    /** Renews these messages' leases every third of the lease until the returned handle is closed. */
    Keeping keep(List<Long> ids) {
        long every = Math.max(1, lease.toMillis() / 3);
        java.util.concurrent.atomic.AtomicReference<List<Long>> kept = new java.util.concurrent.atomic.AtomicReference<>(
                List.copyOf(ids));
        ScheduledFuture<?> renewal = timer().scheduleWithFixedDelay(() -> renew(kept.get()), every, every,
                TimeUnit.MILLISECONDS);
        return new Keeping() {
            @Override
            public void narrowTo(List<Long> fewer) {
                kept.set(List.copyOf(fewer));
            }

            @Override
            public void close() {
                renewal.cancel(false);
            }
        };
    }

    private void renew(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            Set<Long> renewed = store.renew(owner, ids, clock.instant(), lease);
            if (renewed.size() < ids.size()) {
                LOG.warn("Leases on messages {} could not be kept while a send was under way; another node may hold "
                        + "them now", ids.stream().filter(id -> !renewed.contains(id)).toList());
            }
        } catch (RuntimeException e) {
            // The next round tries again; a lease left to run out is taken over as in doubt, never lost.
            LOG.warn("Leases on messages {} not renewed this time: {}", ids, e.getMessage());
        }
    }

    private synchronized ScheduledExecutorService timer() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(renewals -> {
                Thread thread = new Thread(renewals, "igov-outbox-leases-" + owner);
                thread.setDaemon(true); // never what keeps a stopping runtime alive
                return thread;
            });
        }
        return timer;
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** The renewals for one send. */
    interface Keeping extends AutoCloseable {
        /** From now on renews only these (the rest of the round was given back). */
        void narrowTo(List<Long> ids);

        /** Ends the renewals. */
        @Override
        void close();
    }
}
