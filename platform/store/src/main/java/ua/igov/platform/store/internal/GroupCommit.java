package ua.igov.platform.store.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Writes requests that arrive together in one transaction (group commit). A caller that finds fewer writes under way
 * than allowed becomes a writer: it takes everything waiting (up to a limit), writes it with one commit, and wakes the
 * others, whose requests are then either written or next in line. No thread of its own, nothing to start or stop.
 *
 * <p>Why: on embedded Derby a submission's CPU is mostly per-transaction and per-statement work that many
 * submissions can share — one commit, one read and one update of each audit chain's head, one update of each
 * statistics row — and writers that queue on one lock cost more than one writer that does their work in turn
 * (docs/performance.md). Each request still commits with all it wrote or not at all: if a group fails, each of its
 * requests is written again alone, so one bad request fails only its own caller; but not when the database did not
 * confirm the group's commit, since the group may be stored already: then every caller is told so.
 *
 * @param <R> what a caller asks to write
 * @param <T> what the caller gets back
 */
final class GroupCommit<R, T> {

    private final int maxGroup;
    private final int maxWriters;
    private final Function<List<R>, List<T>> writeAll;

    private final ArrayDeque<Pending<R, T>> waiting = new ArrayDeque<>();
    private int writers;

    /**
     * @param maxGroup   the most requests one transaction takes
     * @param maxWriters how many transactions may be under way at once: one where a write is CPU (embedded Derby), a
     *                   few where it is mostly waiting for a database server's answers
     * @param writeAll   writes the requests in one transaction, all or nothing, and answers one result per request
     */
    GroupCommit(int maxGroup, int maxWriters, Function<List<R>, List<T>> writeAll) {
        this.maxGroup = maxGroup;
        this.maxWriters = maxWriters;
        this.writeAll = writeAll;
    }

    /** Writes the request, alone or with others that arrived meanwhile; returns once it is committed, or throws. */
    T write(R request) {
        Pending<R, T> mine = new Pending<>(request);
        synchronized (this) {
            waiting.add(mine);
        }
        boolean interrupted = false;
        try {
            while (true) {
                List<Pending<R, T>> group;
                synchronized (this) {
                    // wait while this request is in another writer's transaction, or no writer may start
                    while (!mine.done && (mine.taken || writers >= maxWriters)) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            // the request may already be in a transaction under way: it is not given up half-way
                            interrupted = true;
                        }
                    }
                    if (mine.done) {
                        return mine.result();
                    }
                    writers++;
                    group = take();
                }
                try {
                    writeGroup(group);
                } finally {
                    synchronized (this) {
                        writers--;
                        notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many requests wait for a transaction (for tests). */
    synchronized int waiting() {
        return waiting.size();
    }

    private List<Pending<R, T>> take() {
        List<Pending<R, T>> group = new ArrayList<>(Math.min(waiting.size(), maxGroup));
        while (!waiting.isEmpty() && group.size() < maxGroup) {
            Pending<R, T> next = waiting.poll();
            next.taken = true;
            group.add(next);
        }
        return group;
    }

    private void writeGroup(List<Pending<R, T>> group) {
        if (group.size() > 1) {
            try {
                List<T> results = writeAll.apply(group.stream().map(p -> p.request).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).succeed(results.get(i));
                }
                return;
            } catch (ua.igov.platform.store.CommitOutcomeUnknownException e) {
                // the group may be stored: written again one by one, it could be stored twice; each caller is told
                for (Pending<R, T> p : group) {
                    p.fail(e);
                }
                return;
            } catch (RuntimeException | Error e) {
                // fall through: each alone, so only the request that cannot be written fails
            }
        }
        for (Pending<R, T> p : group) {
            try {
                p.succeed(writeAll.apply(List.of(p.request)).get(0));
            } catch (RuntimeException | Error e) {
                p.fail(e);
            }
        }
    }

    private static final class Pending<R, T> {
        final R request;
        /** In a writer's group: guarded by the GroupCommit's lock. */
        boolean taken;
        volatile boolean done;
        private T result;
        private Throwable failure;

        Pending(R request) {
            this.request = request;
        }

        void succeed(T value) {
            result = value;
            done = true;
        }

        void fail(Throwable e) {
            failure = e;
            done = true;
        }

        T result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }
}
